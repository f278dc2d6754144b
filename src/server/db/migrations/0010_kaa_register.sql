CREATE TABLE "kaa_completions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"youth_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"completed_on" date NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kaa_completions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "kaa_contacts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"youth_id" uuid NOT NULL,
	"contacted_on" date NOT NULL,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kaa_contacts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "kaa_dismissals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"youth_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"caused_by_source" text,
	"caused_by_organiser_id" uuid,
	"dismissed_by" uuid NOT NULL,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_by" uuid,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "kaa_dismissals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "kaa_measures" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"youth_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"responsible" text NOT NULL,
	"young_person_part" text,
	"municipality_part" text,
	"other_actor" text,
	"other_actor_part" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"end_reason" text,
	"outcome" text,
	"follow_up_on" date,
	"evaluation_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kaa_measures_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "kaa_notices" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"civic_no" char(12) NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"school_unit_code" char(8),
	"school_unit_name" text NOT NULL,
	"programme_code" text,
	"programme_name" text,
	"event_date" date NOT NULL,
	"reason" text NOT NULL,
	"home_municipality_code" char(4) NOT NULL,
	"counterpart_organiser_id" uuid,
	"counterpart_name" text NOT NULL,
	"student_id" uuid,
	"youth_id" uuid,
	"dedupe_key" text NOT NULL,
	"proposed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"sent_at" timestamp with time zone,
	"exported_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"receipt_at" timestamp with time zone,
	"receipt_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kaa_notices_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "kaa_occupations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"youth_id" uuid NOT NULL,
	"timing" text NOT NULL,
	"kind" text NOT NULL,
	"description" text,
	"from_date" date,
	"to_date" date,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kaa_occupations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "kaa_plans" (
	"tenant_id" uuid NOT NULL,
	"youth_id" uuid NOT NULL,
	"goal" text NOT NULL,
	"plan" text NOT NULL,
	"established_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kaa_plans_tenant_id_youth_id_pk" PRIMARY KEY("tenant_id","youth_id")
);
--> statement-breakpoint
CREATE TABLE "kaa_population" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"civic_no" char(12) NOT NULL,
	"civic_no_kind" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"municipality_code" char(4) NOT NULL,
	"registered_in_municipality_on" date,
	"registered_in_sweden_on" date,
	"status" text DEFAULT 'resident' NOT NULL,
	"status_date" date,
	"protected" boolean DEFAULT false NOT NULL,
	"address" jsonb,
	"import_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kaa_population_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "kaa_population_imports" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_by" uuid,
	"layout" text NOT NULL,
	"rows_total" integer NOT NULL,
	"rows_accepted" integer NOT NULL,
	"rows_rejected" integer NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "kaa_population_imports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "kaa_registrations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"youth_id" uuid NOT NULL,
	"registered_on" date NOT NULL,
	"registration_reason" text NOT NULL,
	"registration_source" text NOT NULL,
	"registered_by" uuid,
	"deregistered_on" date,
	"deregistration_reason" text,
	"deregistration_source" text,
	"deregistered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kaa_registrations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "kaa_youth" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"civic_no" char(12) NOT NULL,
	"civic_no_kind" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"protected" boolean DEFAULT false NOT NULL,
	"address" jsonb,
	"email" text,
	"phone" text,
	"in_group" boolean DEFAULT false NOT NULL,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evaluated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kaa_youth_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "kaa_completions_youth_idx" ON "kaa_completions" USING btree ("tenant_id","youth_id");--> statement-breakpoint
CREATE INDEX "kaa_contacts_youth_idx" ON "kaa_contacts" USING btree ("tenant_id","youth_id","contacted_on");--> statement-breakpoint
CREATE INDEX "kaa_dismissals_youth_idx" ON "kaa_dismissals" USING btree ("tenant_id","youth_id");--> statement-breakpoint
CREATE INDEX "kaa_measures_youth_idx" ON "kaa_measures" USING btree ("tenant_id","youth_id");--> statement-breakpoint
CREATE INDEX "kaa_measures_follow_up_idx" ON "kaa_measures" USING btree ("tenant_id","status","follow_up_on");--> statement-breakpoint
CREATE UNIQUE INDEX "kaa_notices_dedupe_idx" ON "kaa_notices" USING btree ("tenant_id","direction","dedupe_key");--> statement-breakpoint
CREATE INDEX "kaa_notices_civic_no_idx" ON "kaa_notices" USING btree ("tenant_id","civic_no");--> statement-breakpoint
CREATE INDEX "kaa_notices_youth_idx" ON "kaa_notices" USING btree ("tenant_id","youth_id");--> statement-breakpoint
CREATE INDEX "kaa_occupations_youth_idx" ON "kaa_occupations" USING btree ("tenant_id","youth_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kaa_population_civic_no_idx" ON "kaa_population" USING btree ("tenant_id","civic_no");--> statement-breakpoint
CREATE UNIQUE INDEX "kaa_registrations_one_open" ON "kaa_registrations" USING btree ("tenant_id","youth_id") WHERE deregistered_on IS NULL;--> statement-breakpoint
CREATE INDEX "kaa_registrations_youth_idx" ON "kaa_registrations" USING btree ("tenant_id","youth_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kaa_youth_civic_no_idx" ON "kaa_youth" USING btree ("tenant_id","civic_no");--> statement-breakpoint
CREATE INDEX "kaa_youth_in_group_idx" ON "kaa_youth" USING btree ("tenant_id","in_group");