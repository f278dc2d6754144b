CREATE TABLE "knowledge_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"revision_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_links" (
	"example_id" uuid NOT NULL,
	"method_id" uuid NOT NULL,
	CONSTRAINT "knowledge_links_example_id_method_id_pk" PRIMARY KEY("example_id","method_id")
);
--> statement-breakpoint
CREATE TABLE "knowledge_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"slug" text NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"summary_sv" text NOT NULL,
	"summary_en" text DEFAULT '' NOT NULL,
	"description_sv" text DEFAULT '' NOT NULL,
	"municipality_codes" char(4)[] DEFAULT '{}'::char(4)[] NOT NULL,
	"places" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"organisation" text,
	"focus_areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"sub_challenges" text[] DEFAULT '{}'::text[] NOT NULL,
	"age_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_group" text,
	"prevention_level" text,
	"levels" text[] DEFAULT '{}'::text[] NOT NULL,
	"plug_in_factors" text[] DEFAULT '{}'::text[] NOT NULL,
	"period_start" date,
	"period_end" date,
	"activity_status" text,
	"cost_per_participant" integer,
	"outcomes_measured" text,
	"evidence" jsonb,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contact" jsonb,
	"last_reviewed_on" date,
	"status" text DEFAULT 'published' NOT NULL,
	"published_at" timestamp with time zone,
	"submitted_by" uuid,
	"search" "tsvector" GENERATED ALWAYS AS (
  setweight(to_tsvector('swedish', coalesce(name_sv, '')), 'A') ||
  setweight(to_tsvector('swedish', coalesce(summary_sv, '')), 'B') ||
  setweight(to_tsvector('swedish', coalesce(description_sv, '') || ' ' || coalesce(organisation, '') || ' ' || coalesce(target_group, '')), 'C')) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_records_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "knowledge_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid,
	"content" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"decision_reason" text
);
--> statement-breakpoint
CREATE TABLE "action_programmes" (
	"tenant_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"needs" text NOT NULL,
	"student_views" text NOT NULL,
	"guardian_views" text NOT NULL,
	"decided_on" date NOT NULL,
	"decided_by" text NOT NULL,
	"evaluation_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_programmes_tenant_id_case_id_pk" PRIMARY KEY("tenant_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entity_id" uuid,
	"meeting_id" uuid,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "case_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_interventions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"method_id" uuid,
	"title" text NOT NULL,
	"goal" text NOT NULL,
	"actions" text NOT NULL,
	"responsible_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"evaluation" text,
	"outcome" text,
	"meeting_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_interventions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_notes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"body" text NOT NULL,
	"sensitive" boolean DEFAULT false NOT NULL,
	"author_id" uuid NOT NULL,
	"meeting_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_notes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"status" text DEFAULT 'opened' NOT NULL,
	"level" text NOT NULL,
	"reason" text NOT NULL,
	"opened_from" text NOT NULL,
	"tier_at_opening" integer,
	"indicators_at_opening" jsonb,
	"responsible_id" uuid NOT NULL,
	"team_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"opened_on" date NOT NULL,
	"opened_by" uuid NOT NULL,
	"closed_on" date,
	"closing_reason" text,
	"closing_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention_follow_ups" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"intervention_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"responsible_id" uuid NOT NULL,
	"done_on" date,
	"done_by" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intervention_follow_ups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "intervention_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"retention_years" integer,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"for_date" date NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"emailed_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "team_meetings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"agenda" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"minutes" text,
	"attendee_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_meetings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "knowledge_comments_revision_idx" ON "knowledge_comments" USING btree ("revision_id","created_at");--> statement-breakpoint
CREATE INDEX "knowledge_records_search_idx" ON "knowledge_records" USING gin ("search");--> statement-breakpoint
CREATE INDEX "knowledge_records_kind_status_idx" ON "knowledge_records" USING btree ("kind","status");--> statement-breakpoint
CREATE INDEX "knowledge_revisions_status_idx" ON "knowledge_revisions" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "knowledge_revisions_record_idx" ON "knowledge_revisions" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("tenant_id","case_id","at");--> statement-breakpoint
CREATE INDEX "case_interventions_case_idx" ON "case_interventions" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "case_interventions_method_idx" ON "case_interventions" USING btree ("tenant_id","method_id","start_date");--> statement-breakpoint
CREATE INDEX "case_notes_case_idx" ON "case_notes" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_one_open_per_student" ON "cases" USING btree ("tenant_id","student_id") WHERE status <> 'closed';--> statement-breakpoint
CREATE INDEX "cases_unit_status_idx" ON "cases" USING btree ("tenant_id","school_unit_id","status");--> statement-breakpoint
CREATE INDEX "intervention_follow_ups_due_idx" ON "intervention_follow_ups" USING btree ("tenant_id","responsible_id","done_on","due_on");--> statement-breakpoint
CREATE INDEX "intervention_follow_ups_case_idx" ON "intervention_follow_ups" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_one_per_day" ON "notifications" USING btree ("tenant_id","account_id","kind","for_date");--> statement-breakpoint
CREATE INDEX "team_meetings_unit_idx" ON "team_meetings" USING btree ("tenant_id","school_unit_id","held_on");