CREATE TABLE "org_part_time_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"position" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_orgs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"parent_id" uuid,
	"path" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"sort_key" text NOT NULL,
	"node_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"sort_key" text NOT NULL,
	"uscc" text,
	"node_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_uscc_unique" UNIQUE("uscc")
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY NOT NULL,
	"node_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"address" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_node_id_unique" UNIQUE("node_id")
);
--> statement-breakpoint
CREATE TABLE "liaison_households" (
	"staff_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	CONSTRAINT "liaison_households_staff_id_household_id_pk" PRIMARY KEY("staff_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "party_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"resident_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"category" text NOT NULL,
	"org_id" uuid NOT NULL,
	"work_unit_id" uuid,
	"joined_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"name" text NOT NULL,
	"sort_key" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"id_cipher" text NOT NULL,
	"id_index" text NOT NULL,
	"id_masked" text NOT NULL,
	"phone" text,
	"relation" text NOT NULL,
	"residence_type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "residents_id_index_unique" UNIQUE("id_index")
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" uuid PRIMARY KEY NOT NULL,
	"role" text NOT NULL,
	"node_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"name" text NOT NULL,
	"sort_key" text NOT NULL,
	"phone" text NOT NULL,
	"duty" text,
	"employment" text NOT NULL,
	"part_time_kind" text,
	"resident_id" uuid,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "merchants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sort_key" text NOT NULL,
	"category" text NOT NULL,
	"uscc" text,
	"node_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"address" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "merchants_uscc_unique" UNIQUE("uscc")
);
--> statement-breakpoint
CREATE TABLE "venues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"sort_key" text NOT NULL,
	"node_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"address" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"hours" text,
	"facilities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "territory_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"geo_version" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "territory_nodes" ADD COLUMN "grid_type" text;--> statement-breakpoint
ALTER TABLE "territory_nodes" ADD COLUMN "unit_code" text;--> statement-breakpoint
ALTER TABLE "territory_nodes" ADD COLUMN "geometry" jsonb;--> statement-breakpoint
ALTER TABLE "territory_nodes" ADD COLUMN "lat" double precision;--> statement-breakpoint
ALTER TABLE "territory_nodes" ADD COLUMN "lng" double precision;--> statement-breakpoint
ALTER TABLE "territory_nodes" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "org_part_time_members" ADD CONSTRAINT "org_part_time_members_org_id_party_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_part_time_members" ADD CONSTRAINT "org_part_time_members_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_households" ADD CONSTRAINT "liaison_households_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_households" ADD CONSTRAINT "liaison_households_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_members" ADD CONSTRAINT "party_members_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "org_part_time_members_org_idx" ON "org_part_time_members" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "party_orgs_parent_idx" ON "party_orgs" USING btree ("parent_id","sort_key");--> statement-breakpoint
CREATE INDEX "party_orgs_territory_idx" ON "party_orgs" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "units_territory_idx" ON "units" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "households_territory_idx" ON "households" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "households_address_idx" ON "households" USING btree ("address");--> statement-breakpoint
CREATE INDEX "liaison_households_household_idx" ON "liaison_households" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "party_members_territory_idx" ON "party_members" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "party_members_org_idx" ON "party_members" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "residents_territory_idx" ON "residents" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "residents_household_idx" ON "residents" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "residents_sort_idx" ON "residents" USING btree ("sort_key");--> statement-breakpoint
CREATE INDEX "residents_phone_idx" ON "residents" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "staff_territory_idx" ON "staff" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "staff_node_idx" ON "staff" USING btree ("node_id","role");--> statement-breakpoint
CREATE INDEX "merchants_territory_idx" ON "merchants" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "venues_territory_idx" ON "venues" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "territory_nodes_level_idx" ON "territory_nodes" USING btree ("level","sort_key");--> statement-breakpoint
ALTER TABLE "territory_nodes" ADD CONSTRAINT "territory_nodes_unit_code_unique" UNIQUE("unit_code");