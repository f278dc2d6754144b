-- The data-version triggers (migrations 0027–0029) in the form a Citus cluster can run (scripts/citus/README.md,
-- *The data versions on the cluster*). Run by distribute.ts after the tables are distributed; Citus propagates the
-- replaced functions to every node. On a worker a trigger runs on one shard, and Citus lets it reach only the shards
-- on the same node (a statement that needs another node is refused: "cannot execute a distributed query from a query
-- on a shard"). `data_versions` and `data_versions_pending` are distributed by tenant_id like every watched table, so
-- an organiser's note and stamp live beside its rows: each function below writes one organiser per statement, and
-- only organisers whose rows live on the shard the trigger runs on.

-- Whether `tenant`'s rows of the table whose shard is `shard` (e.g. persons_102040) are on that shard.
CREATE OR REPLACE FUNCTION data_versions_here(tenant uuid, shard text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT get_shard_id_for_distribution_column(regexp_replace(shard, '_[0-9]+$', ''), tenant)
       = substring(shard FROM '_([0-9]+)$')::bigint
$$;

-- The changed rows' organisers, one statement each (all are on this shard).
CREATE OR REPLACE FUNCTION data_versions_note() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed uuid;
BEGIN
  FOR changed IN SELECT DISTINCT tenant_id FROM changed_rows LOOP
    INSERT INTO data_versions_pending (tenant_id, transaction_id) VALUES (changed, txid_current()) ON CONFLICT DO NOTHING;
  END LOOP;
  RETURN NULL;
END
$$;

-- "Every organiser": on each shard, the organisers whose rows live there; together the shards cover them all.
CREATE OR REPLACE FUNCTION data_versions_note_shard(shard text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  organiser uuid;
BEGIN
  FOR organiser IN SELECT id FROM organisers LOOP
    IF data_versions_here(organiser, shard) THEN
      INSERT INTO data_versions_pending (tenant_id, transaction_id) VALUES (organiser, txid_current()) ON CONFLICT DO NOTHING;
    END IF;
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION data_versions_note_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM data_versions_note_shard(TG_TABLE_NAME);
  RETURN NULL;
END
$$;

-- The named organiser where the statement ran on its shard; otherwise the shard's organisers (never fewer).
CREATE OR REPLACE FUNCTION data_versions_note_named() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  named uuid := nullif(current_setting('fullfolj.data_version_tenant', true), '')::uuid;
BEGIN
  IF named IS NOT NULL AND current_setting('fullfolj.data_version_noted', true) IS NOT DISTINCT FROM named::text THEN
    RETURN NULL;
  END IF;
  IF named IS NOT NULL AND data_versions_here(named, TG_TABLE_NAME) THEN
    INSERT INTO data_versions_pending (tenant_id, transaction_id) VALUES (named, txid_current()) ON CONFLICT DO NOTHING;
    PERFORM set_config('fullfolj.data_version_noted', named::text, true);
    RETURN NULL;
  END IF;
  PERFORM data_versions_note_shard(TG_TABLE_NAME);
  RETURN NULL;
END
$$;

-- At commit, each note renews its own organiser (the note's shard), instead of one loop over the transaction's notes
-- in organiser order: that loop reads every shard. Two transactions that both change several organisers, in opposite
-- orders, can therefore meet in a deadlock at commit here, which PostgreSQL resolves by failing one of them.
CREATE OR REPLACE FUNCTION data_versions_renew() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_versions (tenant_id, stamp) VALUES (NEW.tenant_id, gen_random_uuid())
  ON CONFLICT (tenant_id) DO UPDATE SET stamp = excluded.stamp;
  DELETE FROM data_versions_pending WHERE tenant_id = NEW.tenant_id AND transaction_id = NEW.transaction_id;
  RETURN NULL;
END
$$;
