CREATE TABLE "municipalities" (
	"code" char(4) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"county_code" char(2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"organisation_number" text NOT NULL,
	"kind" text NOT NULL,
	"municipality_code" char(4) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisers_organisation_number_unique" UNIQUE("organisation_number")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"organisation_type" text NOT NULL,
	"display_name" text NOT NULL,
	"organisation_code" text,
	"organisation_number" text,
	"school_unit_code" char(8),
	"school_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"municipality_code" char(4),
	"parent_id" uuid,
	"start_date" date,
	"end_date" date,
	"source_modified" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"programme_type" text NOT NULL,
	"school_type" text NOT NULL,
	"code" text,
	"parent_id" uuid,
	"source_modified" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "syllabuses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_type" text NOT NULL,
	"subject_code" text,
	"subject_name" text NOT NULL,
	"course_code" text,
	"course_name" text,
	"points" integer,
	"official" boolean NOT NULL,
	"source_modified" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "syllabuses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"school_type" text NOT NULL,
	"school_year" integer,
	"programme_id" uuid,
	"programme_code" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"cancelled" boolean DEFAULT false NOT NULL,
	"education_code" text,
	"specification" text,
	CONSTRAINT "enrolments_tenant_id_person_id_ordinal_pk" PRIMARY KEY("tenant_id","person_id","ordinal")
);
--> statement-breakpoint
CREATE TABLE "person_responsibles" (
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"responsible_id" uuid NOT NULL,
	"relation_type" text DEFAULT 'Vårdnadshavare' NOT NULL,
	CONSTRAINT "person_responsibles_tenant_id_person_id_responsible_id_pk" PRIMARY KEY("tenant_id","person_id","responsible_id")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"given_name" text NOT NULL,
	"middle_name" text,
	"family_name" text NOT NULL,
	"civic_no" char(12),
	"civic_no_kind" text,
	"birth_date" date,
	"sex" text,
	"security_marking" text DEFAULT 'Ingen' NOT NULL,
	"person_status" text DEFAULT 'Aktiv' NOT NULL,
	"home_municipality_code" char(4),
	"contact" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source_modified" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"activity_type" text,
	"organisation_id" uuid NOT NULL,
	"syllabus_id" uuid,
	"start_date" date NOT NULL,
	"end_date" date,
	"minutes_planned" integer,
	"source_modified" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "activity_groups" (
	"tenant_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	CONSTRAINT "activity_groups_tenant_id_activity_id_group_id_pk" PRIMARY KEY("tenant_id","activity_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "activity_teachers" (
	"tenant_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"duty_id" uuid NOT NULL,
	"grader" boolean DEFAULT false NOT NULL,
	CONSTRAINT "activity_teachers_tenant_id_activity_id_duty_id_pk" PRIMARY KEY("tenant_id","activity_id","duty_id")
);
--> statement-breakpoint
CREATE TABLE "calendar_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"start_time" timestamp with time zone NOT NULL,
	"end_time" timestamp with time zone NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"source_modified" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "duties" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"duty_role" text NOT NULL,
	"signature" text,
	"description" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"source_modified" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duties_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "duty_assignments" (
	"tenant_id" uuid NOT NULL,
	"duty_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"assignment_role_type" text NOT NULL,
	"start_date" date DEFAULT '1900-01-01' NOT NULL,
	"end_date" date,
	CONSTRAINT "duty_assignments_tenant_id_duty_id_group_id_assignment_role_type_start_date_pk" PRIMARY KEY("tenant_id","duty_id","group_id","assignment_role_type","start_date")
);
--> statement-breakpoint
CREATE TABLE "group_memberships" (
	"tenant_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"start_date" date DEFAULT '1900-01-01' NOT NULL,
	"end_date" date,
	CONSTRAINT "group_memberships_tenant_id_group_id_person_id_start_date_pk" PRIMARY KEY("tenant_id","group_id","person_id","start_date")
);
--> statement-breakpoint
CREATE TABLE "groups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"group_type" text NOT NULL,
	"school_type" text,
	"organisation_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"source_modified" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "groups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "aggregated_attendances" (
	"tenant_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"attendance_sum" integer NOT NULL,
	"valid_absence_sum" integer DEFAULT 0 NOT NULL,
	"invalid_absence_sum" integer DEFAULT 0 NOT NULL,
	"other_attendance_sum" integer DEFAULT 0 NOT NULL,
	"reported_sum" integer DEFAULT 0 NOT NULL,
	"offered_sum" integer DEFAULT 0 NOT NULL,
	"source_modified" timestamp with time zone NOT NULL,
	CONSTRAINT "aggregated_attendances_tenant_id_student_id_activity_id_start_date_end_date_pk" PRIMARY KEY("tenant_id","student_id","activity_id","start_date","end_date")
);
--> statement-breakpoint
CREATE TABLE "attendances" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"calendar_event_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"lesson_date" date NOT NULL,
	"is_reported" boolean NOT NULL,
	"attendance_minutes" integer DEFAULT 0 NOT NULL,
	"valid_absence_minutes" integer DEFAULT 0 NOT NULL,
	"invalid_absence_minutes" integer DEFAULT 0 NOT NULL,
	"other_attendance_minutes" integer DEFAULT 0 NOT NULL,
	"absence_reason" text,
	"reported_at" timestamp with time zone,
	"source_modified" timestamp with time zone NOT NULL,
	CONSTRAINT "attendances_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"programme_code" text,
	"issued_date" date NOT NULL,
	"total_points" integer,
	"passed_points" integer,
	"eligible_national_programme" boolean,
	"source_modified" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificates_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "grades" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"syllabus_id" uuid NOT NULL,
	"grade_value" text NOT NULL,
	"final_grade" boolean NOT NULL,
	"trial" boolean DEFAULT false NOT NULL,
	"converted" boolean DEFAULT false NOT NULL,
	"correction_type" text,
	"semester" text,
	"year" integer,
	"registered_date" date NOT NULL,
	"registered_by_id" uuid,
	"group_id" uuid,
	"remark" text,
	"source_modified" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grades_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "import_errors" (
	"tenant_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"run_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"document_id" text,
	"location" text NOT NULL,
	"field" text NOT NULL,
	"reason" text NOT NULL,
	"row_number" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_errors_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"checkpoint" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"modified_after" timestamp with time zone,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "import_runs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "organisers" ADD CONSTRAINT "organisers_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisations_school_unit_code_idx" ON "organisations" USING btree ("tenant_id","school_unit_code");--> statement-breakpoint
CREATE INDEX "enrolments_school_unit_idx" ON "enrolments" USING btree ("tenant_id","school_unit_id");--> statement-breakpoint
CREATE INDEX "persons_civic_no_idx" ON "persons" USING btree ("tenant_id","civic_no");--> statement-breakpoint
CREATE INDEX "persons_home_municipality_idx" ON "persons" USING btree ("tenant_id","home_municipality_code");--> statement-breakpoint
CREATE INDEX "activity_groups_group_idx" ON "activity_groups" USING btree ("tenant_id","group_id");--> statement-breakpoint
CREATE INDEX "activity_teachers_duty_idx" ON "activity_teachers" USING btree ("tenant_id","duty_id");--> statement-breakpoint
CREATE INDEX "calendar_events_activity_idx" ON "calendar_events" USING btree ("tenant_id","activity_id");--> statement-breakpoint
CREATE INDEX "duties_person_idx" ON "duties" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "group_memberships_person_idx" ON "group_memberships" USING btree ("tenant_id","person_id");--> statement-breakpoint
CREATE INDEX "groups_organisation_idx" ON "groups" USING btree ("tenant_id","organisation_id");--> statement-breakpoint
CREATE INDEX "attendances_student_date_idx" ON "attendances" USING btree ("tenant_id","student_id","lesson_date");--> statement-breakpoint
CREATE INDEX "certificates_student_idx" ON "certificates" USING btree ("tenant_id","student_id");--> statement-breakpoint
CREATE INDEX "grades_student_idx" ON "grades" USING btree ("tenant_id","student_id");--> statement-breakpoint
CREATE INDEX "import_errors_run_idx" ON "import_errors" USING btree ("tenant_id","run_id");