CREATE TABLE "follow_up_goals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"outcome" text NOT NULL,
	"years" integer NOT NULL,
	"baseline_year" integer NOT NULL,
	"baseline_share" double precision,
	"target_year" integer NOT NULL,
	"target_share" double precision NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_up_goals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "kolada_fetches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"source" text NOT NULL,
	"values" integer DEFAULT 0 NOT NULL,
	"message" text
);
--> statement-breakpoint
CREATE TABLE "kolada_values" (
	"kpi" text NOT NULL,
	"municipality" char(4) NOT NULL,
	"period" integer NOT NULL,
	"gender" char(1) NOT NULL,
	"value" double precision,
	"count" integer,
	"fetched_at" timestamp with time zone NOT NULL,
	CONSTRAINT "kolada_values_kpi_municipality_period_gender_pk" PRIMARY KEY("kpi","municipality","period","gender")
);
