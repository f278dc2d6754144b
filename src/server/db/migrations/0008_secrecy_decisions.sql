CREATE TABLE "secrecy_decisions" (
	"tenant_id" uuid NOT NULL,
	"id" bigserial NOT NULL,
	"person_id" uuid NOT NULL,
	"item_kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"content_hash" char(64) NOT NULL,
	"decision" text NOT NULL,
	"reason_category" text,
	"reason" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "secrecy_decisions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "secrecy_decisions_person_idx" ON "secrecy_decisions" USING btree ("tenant_id","person_id","item_kind","item_id");