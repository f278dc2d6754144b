CREATE TABLE "follow_up_region_goals" (
	"region_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"outcome" text NOT NULL,
	"years" integer NOT NULL,
	"baseline_year" integer NOT NULL,
	"baseline_share" double precision,
	"target_year" integer NOT NULL,
	"target_share" double precision NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_up_region_goals_region_id_id_pk" PRIMARY KEY("region_id","id")
);
