CREATE TABLE "mobilisation_members" (
	"mobilisation_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"user_id" uuid,
	"leader" text DEFAULT 'member' NOT NULL,
	"notified_at" timestamp with time zone,
	"reported_at" timestamp with time zone,
	"reported_location" jsonb,
	"reported_note" text,
	CONSTRAINT "mobilisation_members_mobilisation_id_member_id_pk" PRIMARY KEY("mobilisation_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "mobilisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"template" text NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"node_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"place" text,
	"location" jsonb,
	"raised_by" uuid,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dissolved_at" timestamp with time zone,
	"dissolve_note" text
);
--> statement-breakpoint
CREATE TABLE "job_matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seeker_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"provider" text NOT NULL,
	"outcome" text DEFAULT 'proposed' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "job_seekers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"territory_path" text NOT NULL,
	"wanted" text NOT NULL,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"member_id" uuid,
	"territory_path" text NOT NULL,
	"skills" jsonb NOT NULL,
	"search_text" text NOT NULL,
	"availability" text,
	"note" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_promises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"user_id" uuid,
	"territory_path" text NOT NULL,
	"year" integer NOT NULL,
	"text" text NOT NULL,
	"photo_id" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"return_reason" text,
	"kept_note" text,
	"kept_photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"kept_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wall_pioneers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"year" integer NOT NULL,
	"citation" text NOT NULL,
	"photo_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mobilisation_members" ADD CONSTRAINT "mobilisation_members_mobilisation_id_mobilisations_id_fk" FOREIGN KEY ("mobilisation_id") REFERENCES "public"."mobilisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_matches" ADD CONSTRAINT "job_matches_seeker_id_job_seekers_id_fk" FOREIGN KEY ("seeker_id") REFERENCES "public"."job_seekers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mobilisation_members_member_idx" ON "mobilisation_members" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "mobilisations_territory_idx" ON "mobilisations" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "job_matches_seeker_idx" ON "job_matches" USING btree ("seeker_id");--> statement-breakpoint
CREATE INDEX "job_seekers_territory_idx" ON "job_seekers" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "talents_territory_idx" ON "talents" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "member_promises_territory_idx" ON "member_promises" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "member_promises_member_year_idx" ON "member_promises" USING btree ("member_id","year");--> statement-breakpoint
CREATE INDEX "wall_pioneers_territory_idx" ON "wall_pioneers" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "wall_pioneers_member_year_idx" ON "wall_pioneers" USING btree ("member_id","year");