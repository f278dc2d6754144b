-- The tables the early-detection worklist reads beside the student list's (early-warning/queries.ts, worklistQuery):
-- the risk rows, their history and episodes, the open cases, the organiser's settings and programme names.
SELECT data_versions_watch(watched) FROM unnest(ARRAY['student_risk', 'student_risk_history', 'indicator_episodes', 'cases',
  'early_warning_settings', 'programmes']) AS watched;
