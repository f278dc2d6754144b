CREATE TABLE "region_reports" (
	"region_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"month" char(7) NOT NULL,
	"version" integer,
	"content" jsonb NOT NULL,
	"commentary_sv" text DEFAULT '' NOT NULL,
	"commentary_en" text DEFAULT '' NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	CONSTRAINT "region_reports_region_id_id_pk" PRIMARY KEY("region_id","id"),
	CONSTRAINT "region_reports_version" UNIQUE NULLS NOT DISTINCT("region_id","month","version")
);
