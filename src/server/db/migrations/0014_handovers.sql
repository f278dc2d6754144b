CREATE TABLE "handover_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"absence_share" real DEFAULT 0.15 NOT NULL,
	"confirm_days" integer DEFAULT 14 NOT NULL,
	"retention_years" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handovers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"direction" text NOT NULL,
	"status" text NOT NULL,
	"route" text NOT NULL,
	"student_id" uuid,
	"youth_id" uuid,
	"civic_no" char(12) NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"protected_identity" boolean DEFAULT false NOT NULL,
	"from_organiser_id" uuid NOT NULL,
	"from_organiser_name" text NOT NULL,
	"from_unit_id" uuid,
	"from_unit_name" text NOT NULL,
	"from_school_type" text,
	"leaves_on" date,
	"to_organiser_id" uuid NOT NULL,
	"to_organiser_name" text NOT NULL,
	"to_unit_id" uuid NOT NULL,
	"to_unit_name" text NOT NULL,
	"to_school_type" text,
	"starts_on" date,
	"triggers" text[] DEFAULT '{}'::text[] NOT NULL,
	"facts" jsonb NOT NULL,
	"content" jsonb NOT NULL,
	"send_by" date,
	"confirm_by" date,
	"sent_at" timestamp with time zone,
	"sent_by" uuid,
	"delivered_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"meeting_on" date,
	"meeting_attendees" text,
	"meeting_minutes" text,
	"meeting_actions" text,
	"meeting_held_at" timestamp with time zone,
	"follow_up_due" date,
	"follow_up_done_at" timestamp with time zone,
	"adaptations_continued" text,
	"follow_up_note" text,
	"attendance_since_start" real,
	"dedupe_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handovers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "handovers_dedupe_idx" ON "handovers" USING btree ("tenant_id","direction","dedupe_key");--> statement-breakpoint
CREATE INDEX "handovers_student_idx" ON "handovers" USING btree ("tenant_id","student_id");--> statement-breakpoint
CREATE INDEX "handovers_delivery_idx" ON "handovers" USING btree ("tenant_id","delivery_id");--> statement-breakpoint
CREATE INDEX "handovers_civic_no_idx" ON "handovers" USING btree ("tenant_id","civic_no");