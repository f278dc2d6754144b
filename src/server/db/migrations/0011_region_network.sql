CREATE TABLE "implementation_plan_actions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"title" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "implementation_plan_actions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "implementation_plan_answers" (
	"tenant_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"level" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "implementation_plan_answers_tenant_id_item_key_pk" PRIMARY KEY("tenant_id","item_key")
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"focus_area" text NOT NULL,
	"sub_challenge" text NOT NULL,
	"age_group" text NOT NULL,
	"school_form" text NOT NULL,
	"description" text NOT NULL,
	"municipality_code" char(4) NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"rejection_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenges_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "event_signups" (
	"region_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text,
	"email" text,
	"organisation" text,
	"organiser_id" uuid,
	"municipality_code" char(4),
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"anonymised_at" timestamp with time zone,
	CONSTRAINT "event_signups_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
CREATE TABLE "network_events" (
	"region_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"focus_area" text,
	"audience" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text,
	"link" text,
	"recording_url" text,
	"capacity" integer,
	"signup_deadline" timestamp with time zone,
	"sequence" integer DEFAULT 0 NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_events_region_id_id_pk" PRIMARY KEY("region_id","id")
);
--> statement-breakpoint
ALTER TABLE "role_assignments" ADD COLUMN "region_id" uuid;--> statement-breakpoint
CREATE INDEX "challenges_status_focus" ON "challenges" USING btree ("status","focus_area");--> statement-breakpoint
CREATE UNIQUE INDEX "event_signups_one_per_email" ON "event_signups" USING btree ("region_id","event_id","email") WHERE "event_signups"."email" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "event_signups_event" ON "event_signups" USING btree ("region_id","event_id");--> statement-breakpoint
CREATE INDEX "network_events_starts" ON "network_events" USING btree ("starts_at");