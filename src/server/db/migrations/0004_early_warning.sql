CREATE TABLE "connectedness_ratings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"rated_on" date NOT NULL,
	"rated_by" uuid NOT NULL,
	"academic" text NOT NULL,
	"behavioural" text NOT NULL,
	"social" text NOT NULL,
	"affective" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connectedness_ratings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "early_warning_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"thresholds" jsonb NOT NULL,
	"capacities" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_episodes" (
	"tenant_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"onset" date NOT NULL,
	"last_seen" date NOT NULL,
	"status" text NOT NULL,
	"resolved_on" date,
	"severity" text NOT NULL,
	"counts" boolean NOT NULL,
	"value" double precision,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"expires_on" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_episodes_tenant_id_student_id_indicator_onset_pk" PRIMARY KEY("tenant_id","student_id","indicator","onset")
);
--> statement-breakpoint
CREATE TABLE "risk_models" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"version" integer NOT NULL,
	"stage" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"trained_as_of" date NOT NULL,
	"parameters" jsonb NOT NULL,
	"report" jsonb NOT NULL,
	"test_auc" double precision NOT NULL,
	"rules_auc" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone,
	"activated_by" uuid,
	CONSTRAINT "risk_models_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "student_risk" (
	"tenant_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"as_of" date NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"school_type" text NOT NULL,
	"school_year" integer,
	"programme_code" text,
	"tier" integer NOT NULL,
	"flags" text[] NOT NULL,
	"data_status" text NOT NULL,
	"model_id" uuid,
	"probability" double precision,
	"lower" double precision,
	"upper" double precision,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"measures" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "student_risk_tenant_id_student_id_pk" PRIMARY KEY("tenant_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "student_risk_history" (
	"tenant_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"as_of" date NOT NULL,
	"tier" integer NOT NULL,
	"probability" double precision,
	"attendance" double precision,
	CONSTRAINT "student_risk_history_tenant_id_student_id_as_of_pk" PRIMARY KEY("tenant_id","student_id","as_of")
);
--> statement-breakpoint
CREATE INDEX "connectedness_student_idx" ON "connectedness_ratings" USING btree ("tenant_id","student_id","rated_on");--> statement-breakpoint
CREATE INDEX "indicator_episodes_status_idx" ON "indicator_episodes" USING btree ("tenant_id","status","indicator");--> statement-breakpoint
CREATE INDEX "student_risk_unit_idx" ON "student_risk" USING btree ("tenant_id","school_unit_id","tier");