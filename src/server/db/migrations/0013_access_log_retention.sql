-- The access log stays append-only (0003): UPDATE and TRUNCATE always raise. DELETE raises too, except inside a
-- transaction the retention job has marked for itself (SET LOCAL fullfolj.access_log_retention = 'on', which ends
-- with the transaction), and even then a row less than one year old cannot be deleted (a row-level check), so no
-- setting and no rule can empty the recent log. The job writes an access-log row with the count it deleted.
CREATE OR REPLACE FUNCTION access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('fullfolj.access_log_retention', true) = 'on' THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'access_log är endast för tillägg: % är inte tillåtet (append-only)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE FUNCTION access_log_keep_recent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.at > now() - interval '1 year' THEN
    RAISE EXCEPTION 'access_log: rader yngre än ett år gallras aldrig (append-only)'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER access_log_keep_recent BEFORE DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION access_log_keep_recent();
