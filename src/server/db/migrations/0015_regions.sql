CREATE TABLE "region_municipalities" (
	"region_id" uuid NOT NULL,
	"municipality_code" char(4) NOT NULL,
	CONSTRAINT "region_municipalities_region_id_municipality_code_pk" PRIMARY KEY("region_id","municipality_code")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"county_code" char(2),
	"reports_visibility" text DEFAULT 'public' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regions_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "region_municipalities" ADD CONSTRAINT "region_municipalities_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_municipalities" ADD CONSTRAINT "region_municipalities_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_id_regions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "region_municipalities_code_idx" ON "region_municipalities" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_id");--> statement-breakpoint
-- Västra Götaland (county 14) and its sub-region Skaraborg, the knowledge node of Skaraborgs kommunalförbund (docs/region.md).
INSERT INTO "regions" ("slug", "name_sv", "name_en", "kind", "county_code") VALUES ('vastra-gotaland', 'Västra Götaland', 'Västra Götaland', 'region', '14');--> statement-breakpoint
INSERT INTO "regions" ("slug", "name_sv", "name_en", "kind", "parent_id", "county_code")
SELECT 'skaraborg', 'Skaraborg', 'Skaraborg', 'sub-region', "id", '14' FROM "regions" WHERE "slug" = 'vastra-gotaland';--> statement-breakpoint
INSERT INTO "region_municipalities" ("region_id", "municipality_code")
SELECT r."id", m."code" FROM "regions" r, "municipalities" m WHERE r."slug" = 'vastra-gotaland' AND m."county_code" = '14';--> statement-breakpoint
-- Essunga, Falköping, Grästorp, Gullspång, Götene, Hjo, Karlsborg, Lidköping, Mariestad, Skara, Skövde, Tibro, Tidaholm, Töreboda, Vara.
INSERT INTO "region_municipalities" ("region_id", "municipality_code")
SELECT r."id", m."code" FROM "regions" r, "municipalities" m
 WHERE r."slug" = 'skaraborg' AND m."code" IN ('1445', '1499', '1444', '1447', '1471', '1497', '1446', '1494', '1493', '1495', '1496', '1472', '1498', '1473', '1470');
