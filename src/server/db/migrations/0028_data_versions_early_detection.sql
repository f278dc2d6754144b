-- The tables the early-detection worklist reads beside the student list's (early-warning/queries.ts, worklistQuery):
-- the risk rows, their history and episodes, the open cases, the organiser's settings and programme names.
DO $$
DECLARE
  watched text;
BEGIN
  FOREACH watched IN ARRAY ARRAY['student_risk', 'student_risk_history', 'indicator_episodes', 'cases',
                                 'early_warning_settings', 'programmes'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION data_versions_note()', watched || '_version_insert', watched);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION data_versions_note()', watched || '_version_update', watched);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows
                      FOR EACH STATEMENT EXECUTE FUNCTION data_versions_note()', watched || '_version_delete', watched);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I
                      FOR EACH STATEMENT EXECUTE FUNCTION data_versions_note_all()', watched || '_version_truncate', watched);
  END LOOP;
END
$$;
