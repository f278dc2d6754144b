-- The early-detection refresh's own tables (the risk rows, their history and the episodes) note the organiser their
-- writer names instead of reading it from the written rows (issue #17, 6 December). Capturing every written row in a
-- transition table cost the refresh 0.4–1.1 s of server time at 250,000 pupils (bench/region-day-profile.ts), and a
-- row trigger about as much. These tables are derived: the refresh rewrites them for one organiser per call, every
-- statement bound to that organiser, and names it first (`fullfolj.data_version_tenant`, db/data-versions.ts
-- `nameWriter`). A statement whose transaction names no organiser notes every organiser: a writer that does not name
-- one costs other organisers a read from the database, never a page served stale. The tables the scoped reads take
-- their scope from (persons, enrolments, duties …) keep the triggers of 0027, which see every written row.
DO $$
DECLARE
  watched text;
BEGIN
  FOREACH watched IN ARRAY ARRAY['student_risk', 'student_risk_history', 'indicator_episodes'] LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', watched || '_version_insert', watched);
    EXECUTE format('DROP TRIGGER %I ON %I', watched || '_version_update', watched);
    EXECUTE format('DROP TRIGGER %I ON %I', watched || '_version_delete', watched);
    EXECUTE format('DROP TRIGGER %I ON %I', watched || '_version_truncate', watched);
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE FUNCTION data_versions_note_named() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  named uuid := nullif(current_setting('fullfolj.data_version_tenant', true), '')::uuid;
BEGIN
  IF named IS NULL THEN
    INSERT INTO data_versions_pending (tenant_id, transaction_id)
      SELECT id, txid_current() FROM organisers
    ON CONFLICT DO NOTHING;
  ELSIF current_setting('fullfolj.data_version_noted', true) IS DISTINCT FROM named::text THEN
    -- Once per organiser and transaction, not once per statement: the setting, like the note, is undone with a
    -- rolled-back savepoint.
    INSERT INTO data_versions_pending (tenant_id, transaction_id) VALUES (named, txid_current()) ON CONFLICT DO NOTHING;
    PERFORM set_config('fullfolj.data_version_noted', named::text, true);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DO $$
DECLARE
  watched text;
BEGIN
  FOREACH watched IN ARRAY ARRAY['student_risk', 'student_risk_history', 'indicator_episodes'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                      FOR EACH STATEMENT EXECUTE FUNCTION data_versions_note_named()', watched || '_version_named', watched);
  END LOOP;
END
$$;
