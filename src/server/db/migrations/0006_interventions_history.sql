-- A case's history is kept: events and notes cannot be updated, and are deleted only by the retention rule, which sets
-- `fullfolj.retention` to 'on' for its own transaction (SET LOCAL). TRUNCATE is refused outright.
CREATE FUNCTION case_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('fullfolj.retention', true) = 'on' THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION '% sparas: % är inte tillåtet (bara gallring enligt huvudmannens regel tar bort)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_events_keep BEFORE UPDATE OR DELETE ON case_events
  FOR EACH STATEMENT EXECUTE FUNCTION case_history_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
  FOR EACH STATEMENT EXECUTE FUNCTION case_history_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_notes_keep BEFORE UPDATE OR DELETE ON case_notes
  FOR EACH STATEMENT EXECUTE FUNCTION case_history_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_notes_no_truncate BEFORE TRUNCATE ON case_notes
  FOR EACH STATEMENT EXECUTE FUNCTION case_history_refuse_change();
--> statement-breakpoint
-- The method library's first entries: knowledge-bank records of kind 'method' (issue #5 chooses from them; the knowledge
-- bank, issue #6, publishes and extends them). Evidence is stated only where a review rated the method; the others are
-- established practice under the Education Act.
INSERT INTO knowledge_records (kind, slug, name_sv, name_en, summary_sv, summary_en, focus_areas, levels, evidence, status, published_at)
SELECT 'method', v.slug, v.name_sv, v.name_en, v.summary_sv, v.summary_en, v.focus_areas::text[], v.levels::text[], v.evidence::jsonb,
       'published', now()
FROM (VALUES
('check-and-connect', 'Check & Connect', 'Check & Connect',
 'En mentor följer elevens närvaro, betyg och beteende varje vecka (check) och bygger en långsiktig relation med eleven och vårdnadshavarna (connect), med snabba insatser när tecknen pekar fel.',
 'A mentor monitors attendance, grades and behaviour weekly (check) and builds a long-term relationship with the student and the family (connect), acting quickly when the signs turn.',
 '{motivation,parents}', '{preventing,remedying}',
 '{"rating": "Positiva effekter på att stanna kvar i skolan, möjligen positiva på att gå vidare i utbildningen, inga säkerställda på att fullfölja (avhopp, 2015)", "source": "What Works Clearinghouse (IES)", "url": "https://ies.ed.gov/ncee/wwc/"}'),
('mentoring', 'Mentorskap', 'Mentoring',
 'Regelbundna samtal med en vuxen som följer elevens studier och mående och hjälper eleven att planera.',
 'Regular conversations with an adult who follows the student''s studies and well-being and helps them plan.',
 '{motivation,mental-health}', '{promoting,preventing}', NULL),
('study-career-guidance', 'Studie- och yrkesvägledning', 'Study and career guidance',
 'Vägledningssamtal om mål, val och vägar efter gymnasiet, så att studierna får en mening för eleven.',
 'Guidance conversations about goals, choices and paths after school, so that the studies make sense to the student.',
 '{motivation}', '{promoting,preventing}', NULL),
('adapted-timetable', 'Anpassad studiegång eller reducerat program', 'Adapted timetable or reduced programme',
 'Ett tillfälligt anpassat schema eller studieupplägg när eleven inte orkar eller hinner med hela programmet (skollagen 3 kap. och 16 kap.).',
 'A temporarily adapted timetable or study plan when the student cannot manage the full programme (Education Act ch. 3 and 16).',
 '{mental-health,motivation}', '{remedying}', NULL),
('home-contact', 'Hemkontakt och föräldramöten', 'Home contact and parent meetings',
 'Tät kontakt med vårdnadshavarna: samtal, gemensamma möten och en plan för hur hemmet och skolan stöttar eleven tillsammans.',
 'Close contact with the guardians: calls, joint meetings and a plan for how home and school support the student together.',
 '{parents}', '{preventing,remedying}', NULL),
('extra-adaptations', 'Extra anpassningar', 'Extra adaptations',
 'Stödinsatser inom den ordinarie undervisningen, t.ex. tydligare struktur, anpassat material eller extra genomgångar (skollagen 3 kap.).',
 'Support within ordinary teaching, e.g. clearer structure, adapted material or extra explanations (Education Act ch. 3).',
 '{reading-language,motivation}', '{preventing}', NULL),
('special-support', 'Särskilt stöd med åtgärdsprogram', 'Special support with an individual education plan',
 'Mer omfattande eller varaktigt stöd efter en utredning, beslutat i ett åtgärdsprogram som följs upp och utvärderas (skollagen 3 kap.).',
 'More extensive or lasting support after an assessment, decided in an individual education plan that is followed up and evaluated (Education Act ch. 3).',
 '{reading-language,mental-health,motivation}', '{remedying}', NULL),
('reading-language-support', 'Läs- och språkstöd', 'Reading and language support',
 'Riktad träning i läsförståelse och ordförråd, studiehandledning på modersmålet och kompenserande verktyg.',
 'Targeted practice in reading comprehension and vocabulary, study guidance in the mother tongue and assistive tools.',
 '{reading-language}', '{preventing,remedying}', NULL),
('counselling', 'Stödsamtal hos kurator', 'Supportive counselling',
 'Samtal med skolkuratorn om det som gör skolan svår, med kontakt vidare till vården när det behövs.',
 'Conversations with the school counsellor about what makes school hard, with referral to health care when needed.',
 '{mental-health}', '{preventing,remedying}', NULL)
) AS v(slug, name_sv, name_en, summary_sv, summary_en, focus_areas, levels, evidence)
ON CONFLICT (slug) DO NOTHING;
