CREATE TABLE "feedback_cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"comment" text NOT NULL,
	"grade" text NOT NULL,
	"sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"user_id" uuid,
	"household_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"note" text NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"client_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_visits_client_key_unique" UNIQUE("client_key")
);
--> statement-breakpoint
CREATE TABLE "report_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"user_id" uuid,
	"unit_id" uuid NOT NULL,
	"pairing_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"letter_file_id" text,
	"letter_issued_at" timestamp with time zone,
	"menu" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"return_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saturday_rota" (
	"pairing_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"day" date NOT NULL,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "saturday_rota_community_id_day_pk" PRIMARY KEY("community_id","day")
);
--> statement-breakpoint
CREATE TABLE "service_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"user_id" uuid,
	"unit_id" uuid,
	"territory_path" text NOT NULL,
	"kind" text NOT NULL,
	"source_key" text,
	"title" text NOT NULL,
	"hours" numeric(6, 2),
	"served_on" date NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'approved' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reject_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_records_source_key_unique" UNIQUE("source_key")
);
--> statement-breakpoint
CREATE TABLE "six_ones" (
	"member_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"item" text NOT NULL,
	"done_on" date NOT NULL,
	"record_id" uuid,
	CONSTRAINT "six_ones_member_id_year_item_pk" PRIMARY KEY("member_id","year","item")
);
--> statement-breakpoint
CREATE TABLE "member_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"user_id" uuid,
	"territory_path" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"answer" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_pairings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"commitments" jsonb NOT NULL,
	"agreement_file_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "unit_staff" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_cards_member_quarter_idx" ON "feedback_cards" USING btree ("member_id","year","quarter");--> statement-breakpoint
CREATE INDEX "feedback_cards_unit_idx" ON "feedback_cards" USING btree ("unit_id","year","quarter");--> statement-breakpoint
CREATE INDEX "feedback_cards_territory_idx" ON "feedback_cards" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "household_visits_territory_idx" ON "household_visits" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "household_visits_member_idx" ON "household_visits" USING btree ("member_id","visited_at");--> statement-breakpoint
CREATE INDEX "household_visits_household_idx" ON "household_visits" USING btree ("household_id","visited_at");--> statement-breakpoint
CREATE INDEX "report_ins_territory_idx" ON "report_ins" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "report_ins_unit_idx" ON "report_ins" USING btree ("unit_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "report_ins_live_idx" ON "report_ins" USING btree ("member_id","year") WHERE "report_ins"."status" <> 'returned';--> statement-breakpoint
CREATE INDEX "saturday_rota_unit_idx" ON "saturday_rota" USING btree ("unit_id","day");--> statement-breakpoint
CREATE INDEX "service_records_territory_idx" ON "service_records" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "service_records_member_idx" ON "service_records" USING btree ("member_id","served_on");--> statement-breakpoint
CREATE INDEX "service_records_unit_idx" ON "service_records" USING btree ("unit_id","served_on");--> statement-breakpoint
CREATE INDEX "service_records_status_idx" ON "service_records" USING btree ("status");--> statement-breakpoint
CREATE INDEX "member_suggestions_territory_idx" ON "member_suggestions" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "member_suggestions_member_idx" ON "member_suggestions" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "unit_pairings_territory_idx" ON "unit_pairings" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "unit_pairings_unit_idx" ON "unit_pairings" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_pairings_live_idx" ON "unit_pairings" USING btree ("unit_id","community_id") WHERE "unit_pairings"."ended_at" is null;