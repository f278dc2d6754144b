ALTER TABLE "handovers" ADD COLUMN "to_unit_code" char(8);--> statement-breakpoint
ALTER TABLE "handovers" ADD COLUMN "to_municipality_code" char(4);--> statement-breakpoint
ALTER TABLE "handovers" ADD COLUMN "receipt_imported_at" timestamp with time zone;