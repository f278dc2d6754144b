ALTER TABLE "student_risk" ADD COLUMN "attendance_4w" double precision;--> statement-breakpoint
ALTER TABLE "student_risk" ADD COLUMN "attendance_45" double precision;--> statement-breakpoint
ALTER TABLE "student_risk" ADD COLUMN "attendance_term" double precision;--> statement-breakpoint
ALTER TABLE "student_risk" ADD COLUMN "invalid_term" double precision;--> statement-breakpoint
ALTER TABLE "student_risk" ADD COLUMN "valid_term" double precision;--> statement-breakpoint
ALTER TABLE "student_risk" ADD COLUMN "failed_grades" integer;--> statement-breakpoint
ALTER TABLE "student_risk" ADD COLUMN "failed_points" integer;--> statement-breakpoint
ALTER TABLE "student_risk" ADD COLUMN "reported_days_45" integer;--> statement-breakpoint
-- The stored summaries move from the jsonb object into their columns (the object is dropped by the next migration).
UPDATE "student_risk" SET
  "attendance_4w" = ("measures"->>'attendance4w')::double precision,
  "attendance_45" = ("measures"->>'attendance45')::double precision,
  "attendance_term" = ("measures"->>'attendanceTerm')::double precision,
  "invalid_term" = ("measures"->>'invalidTerm')::double precision,
  "valid_term" = ("measures"->>'validTerm')::double precision,
  "failed_grades" = round(("measures"->>'failedGrades')::numeric)::integer,
  "failed_points" = round(("measures"->>'failedPoints')::numeric)::integer,
  "reported_days_45" = round(("measures"->>'reportedDays45')::numeric)::integer
WHERE "measures" <> '{}'::jsonb;
