-- The watched tables note their organisers row by row instead of from transition tables (issue #17, 6 December).
-- Capturing every written row in a transition table cost the large writers about 0.3–0.5 s of server time per 250,000
-- rows (the refresh's risk rows, history and episodes; the importer's pages); a row trigger whose WHEN condition
-- compares the row's organiser with the one this transaction noted last costs one comparison per row and runs its
-- function only when the organiser changes: once per statement for a writer of one organiser, once per row for a
-- statement that alternates between organisers. Every written row is still seen by the database, whatever wrote it.
-- A BEFORE trigger sees the rows a statement proposes, so an INSERT … ON CONFLICT whose rows all turn out unchanged
-- still renews the stamp: a kept page is then read again, never served stale.
DROP FUNCTION data_versions_watch(text);
--> statement-breakpoint
DO $$
DECLARE
  watched text;
BEGIN
  FOREACH watched IN ARRAY ARRAY['persons', 'enrolments', 'organisations', 'groups', 'group_memberships', 'duties',
    'duty_assignments', 'activities', 'activity_groups', 'activity_teachers', 'student_risk', 'student_risk_history',
    'indicator_episodes', 'cases', 'early_warning_settings', 'programmes'] LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', watched || '_version_insert', watched);
    EXECUTE format('DROP TRIGGER %I ON %I', watched || '_version_update', watched);
    EXECUTE format('DROP TRIGGER %I ON %I', watched || '_version_delete', watched);
    EXECUTE format('DROP TRIGGER %I ON %I', watched || '_version_truncate', watched);
  END LOOP;
END
$$;
--> statement-breakpoint
DROP FUNCTION data_versions_note();
--> statement-breakpoint
-- Notes the row's organiser (both, should an UPDATE move a row) for this transaction and remembers it as the last
-- noted, so that the trigger's WHEN condition skips the organiser's next rows. The setting is local to the
-- transaction and, like the note, undone with a rolled-back savepoint.
CREATE FUNCTION data_versions_note_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO data_versions_pending (tenant_id, transaction_id) VALUES (OLD.tenant_id, txid_current()) ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM set_config('fullfolj.data_version_noted', OLD.tenant_id::text, true);
    RETURN OLD;
  END IF;
  INSERT INTO data_versions_pending (tenant_id, transaction_id) VALUES (NEW.tenant_id, txid_current()) ON CONFLICT DO NOTHING;
  PERFORM set_config('fullfolj.data_version_noted', NEW.tenant_id::text, true);
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- Watches a table: each row written, updated or deleted notes its organiser unless it is the one noted last in this
-- transaction; a TRUNCATE notes every organiser (data_versions_note_all, 0027).
CREATE FUNCTION data_versions_watch(watched text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  noted constant text := 'nullif(current_setting(''fullfolj.data_version_noted'', true), '''')::uuid';
BEGIN
  EXECUTE format('CREATE TRIGGER %I BEFORE INSERT ON %I FOR EACH ROW WHEN (NEW.tenant_id IS DISTINCT FROM %s)
                    EXECUTE FUNCTION data_versions_note_row()', watched || '_version_insert', watched, noted);
  EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW
                    WHEN (OLD.tenant_id IS DISTINCT FROM %s OR NEW.tenant_id IS DISTINCT FROM %s)
                    EXECUTE FUNCTION data_versions_note_row()', watched || '_version_update', watched, noted, noted);
  EXECUTE format('CREATE TRIGGER %I BEFORE DELETE ON %I FOR EACH ROW WHEN (OLD.tenant_id IS DISTINCT FROM %s)
                    EXECUTE FUNCTION data_versions_note_row()', watched || '_version_delete', watched, noted);
  EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION data_versions_note_all()',
    watched || '_version_truncate', watched);
END
$$;
--> statement-breakpoint
DO $$
DECLARE
  watched text;
BEGIN
  FOREACH watched IN ARRAY ARRAY['persons', 'enrolments', 'organisations', 'groups', 'group_memberships', 'duties',
    'duty_assignments', 'activities', 'activity_groups', 'activity_teachers', 'student_risk', 'student_risk_history',
    'indicator_episodes', 'cases', 'early_warning_settings', 'programmes'] LOOP
    PERFORM data_versions_watch(watched);
  END LOOP;
END
$$;
