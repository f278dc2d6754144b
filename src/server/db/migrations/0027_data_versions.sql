CREATE TABLE "data_versions" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"stamp" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_versions_pending" (
	"tenant_id" uuid NOT NULL,
	"transaction_id" bigint NOT NULL,
	CONSTRAINT "data_versions_pending_tenant_id_transaction_id_pk" PRIMARY KEY("tenant_id","transaction_id")
);
--> statement-breakpoint
-- A statement that changed rows of a watched table notes their organisers for this transaction (one row each, however
-- many statements); at commit, one deferred trigger renews those organisers' stamps, in organiser order, and empties
-- the note. The stamp is taken at commit rather than at the first write, so that no transaction holds an organiser's
-- stamp row while it still works: two imports' pages commit in order, and a lock taken mid-transaction could make the
-- earlier one wait in the database for a later one that waits in Node for it (ingest/ss12000, pages side by side).
CREATE FUNCTION data_versions_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_versions_pending (tenant_id, transaction_id)
    SELECT DISTINCT tenant_id, txid_current() FROM changed_rows
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION data_versions_note_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_versions_pending (tenant_id, transaction_id)
    SELECT id, txid_current() FROM organisers
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION data_versions_renew() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed uuid;
BEGIN
  FOR changed IN SELECT tenant_id FROM data_versions_pending WHERE transaction_id = txid_current() ORDER BY tenant_id LOOP
    INSERT INTO data_versions (tenant_id, stamp) VALUES (changed, gen_random_uuid())
    ON CONFLICT (tenant_id) DO UPDATE SET stamp = excluded.stamp;
  END LOOP;
  DELETE FROM data_versions_pending WHERE transaction_id = txid_current();
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_versions_renew AFTER INSERT ON data_versions_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_versions_renew();
--> statement-breakpoint
-- Watches a table: its changes note their organisers, a TRUNCATE every organiser.
CREATE FUNCTION data_versions_watch(watched text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION data_versions_note()', watched || '_version_insert', watched);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION data_versions_note()', watched || '_version_update', watched);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION data_versions_note()', watched || '_version_delete', watched);
  EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION data_versions_note_all()', watched || '_version_truncate', watched);
END
$$;
--> statement-breakpoint
-- The tables the scoped student reads depend on (students/queries.ts and students/policy.ts).
SELECT data_versions_watch(watched) FROM unnest(ARRAY['persons', 'enrolments', 'organisations', 'groups', 'group_memberships',
  'duties', 'duty_assignments', 'activities', 'activity_groups', 'activity_teachers']) AS watched;
