CREATE TABLE "point_appraisal_results" (
	"round_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"record" numeric(8, 2) NOT NULL,
	"self" numeric(8, 2),
	"peer" numeric(8, 2),
	"resident" numeric(8, 2),
	"total" numeric(8, 2) NOT NULL,
	"vetoed" text,
	CONSTRAINT "point_appraisal_results_round_id_member_id_pk" PRIMARY KEY("round_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "point_appraisal_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"node_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"period" text NOT NULL,
	"title" text NOT NULL,
	"weights" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "point_appraisals" (
	"round_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"rater_kind" text NOT NULL,
	"rater_key" text NOT NULL,
	"score" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_appraisals_round_id_member_id_rater_kind_rater_key_pk" PRIMARY KEY("round_id","member_id","rater_kind","rater_key"),
	CONSTRAINT "point_appraisals_score" CHECK ("point_appraisals"."score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "point_credit_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"audience" text NOT NULL,
	"holder_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"bank" text NOT NULL,
	"form_file_id" text,
	"recorded_by" uuid NOT NULL,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "point_consumer_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merchant_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"phone_index" text NOT NULL,
	"day" date NOT NULL,
	"stars" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "point_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merchant_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"inspector_id" uuid NOT NULL,
	"items" jsonb NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"net" integer NOT NULL,
	"client_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_inspections_client_key_unique" UNIQUE("client_key")
);
--> statement-breakpoint
CREATE TABLE "point_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"audience" text NOT NULL,
	"holder_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"balance" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_accounts_not_negative" CHECK ("point_accounts"."kind" <> 'holder' or "point_accounts"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "point_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"points" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"approver_role" text,
	"territory_path" text NOT NULL,
	"happened_on" text NOT NULL,
	"submitted_by" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"posting_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "point_postings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"business_key" text NOT NULL,
	"kind" text NOT NULL,
	"debit_account_id" uuid NOT NULL,
	"credit_account_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	"rule_id" uuid,
	"rule_code" text,
	"holder_account_id" uuid NOT NULL,
	"reverses_id" bigint,
	"memo" text DEFAULT '' NOT NULL,
	"evidence" jsonb,
	"actor_id" uuid,
	"territory_path" text NOT NULL,
	"month" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_postings_business_key_unique" UNIQUE("business_key"),
	CONSTRAINT "point_postings_reverses_id_unique" UNIQUE("reverses_id"),
	CONSTRAINT "point_postings_positive" CHECK ("point_postings"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "point_ranking_entries" (
	"ranking_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"holder_id" uuid NOT NULL,
	"score" numeric(8, 2) NOT NULL,
	"citation" text,
	CONSTRAINT "point_ranking_entries_ranking_id_holder_id_pk" PRIMARY KEY("ranking_id","holder_id")
);
--> statement-breakpoint
CREATE TABLE "point_rankings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"node_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"size" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "point_rule_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family" uuid NOT NULL,
	"version" integer NOT NULL,
	"node_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"audience" text NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"base_score" integer DEFAULT 0 NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "point_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_set_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"indicator" text,
	"kind" text NOT NULL,
	"trigger" text DEFAULT 'manual' NOT NULL,
	"points" integer NOT NULL,
	"per_hour" boolean DEFAULT false NOT NULL,
	"cap_points" integer,
	"cap_period" text,
	"evidence_required" boolean DEFAULT false NOT NULL,
	"approver_role" text,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "point_redemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"item_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"merchant_id" uuid,
	"quantity" integer DEFAULT 1 NOT NULL,
	"points" integer NOT NULL,
	"status" text DEFAULT 'reserved' NOT NULL,
	"territory_path" text NOT NULL,
	"posting_id" bigint NOT NULL,
	"refund_posting_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"delivered_by" uuid,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancel_reason" text,
	CONSTRAINT "point_redemptions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "point_shop_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"node_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"merchant_id" uuid,
	"name" text NOT NULL,
	"sort_key" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"photo_id" text,
	"price" integer NOT NULL,
	"stock" integer NOT NULL,
	"audiences" jsonb DEFAULT '["resident","member"]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "point_shop_items_stock" CHECK ("point_shop_items"."stock" >= 0),
	CONSTRAINT "point_shop_items_price" CHECK ("point_shop_items"."price" > 0)
);
--> statement-breakpoint
ALTER TABLE "point_appraisal_results" ADD CONSTRAINT "point_appraisal_results_round_id_point_appraisal_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."point_appraisal_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_appraisals" ADD CONSTRAINT "point_appraisals_round_id_point_appraisal_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."point_appraisal_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_ranking_entries" ADD CONSTRAINT "point_ranking_entries_ranking_id_point_rankings_id_fk" FOREIGN KEY ("ranking_id") REFERENCES "public"."point_rankings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_rules" ADD CONSTRAINT "point_rules_rule_set_id_point_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."point_rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "point_appraisal_results_member_idx" ON "point_appraisal_results" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "point_appraisal_rounds_territory_idx" ON "point_appraisal_rounds" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "point_appraisal_rounds_node_idx" ON "point_appraisal_rounds" USING btree ("node_id","period");--> statement-breakpoint
CREATE INDEX "point_credit_consents_territory_idx" ON "point_credit_consents" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "point_credit_consents_holder_idx" ON "point_credit_consents" USING btree ("holder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "point_consumer_ratings_once_idx" ON "point_consumer_ratings" USING btree ("merchant_id","phone_index","day");--> statement-breakpoint
CREATE INDEX "point_consumer_ratings_merchant_idx" ON "point_consumer_ratings" USING btree ("merchant_id","created_at");--> statement-breakpoint
CREATE INDEX "point_inspections_territory_idx" ON "point_inspections" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "point_inspections_merchant_idx" ON "point_inspections" USING btree ("merchant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "point_accounts_holder_idx" ON "point_accounts" USING btree ("kind","audience","holder_id");--> statement-breakpoint
CREATE INDEX "point_accounts_territory_idx" ON "point_accounts" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "point_claims_territory_idx" ON "point_claims" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "point_claims_status_idx" ON "point_claims" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "point_claims_account_idx" ON "point_claims" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "point_postings_holder_idx" ON "point_postings" USING btree ("holder_account_id","month");--> statement-breakpoint
CREATE INDEX "point_postings_rule_idx" ON "point_postings" USING btree ("holder_account_id","rule_code","month");--> statement-breakpoint
CREATE INDEX "point_postings_territory_idx" ON "point_postings" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "point_rankings_territory_idx" ON "point_rankings" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "point_rankings_kind_idx" ON "point_rankings" USING btree ("kind","period");--> statement-breakpoint
CREATE INDEX "point_rule_sets_territory_idx" ON "point_rule_sets" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "point_rule_sets_version_idx" ON "point_rule_sets" USING btree ("family","version");--> statement-breakpoint
CREATE UNIQUE INDEX "point_rule_sets_active_idx" ON "point_rule_sets" USING btree ("node_id","audience") WHERE "point_rule_sets"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "point_rules_code_idx" ON "point_rules" USING btree ("rule_set_id","code");--> statement-breakpoint
CREATE INDEX "point_rules_trigger_idx" ON "point_rules" USING btree ("trigger");--> statement-breakpoint
CREATE INDEX "point_redemptions_territory_idx" ON "point_redemptions" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "point_redemptions_user_idx" ON "point_redemptions" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "point_redemptions_merchant_idx" ON "point_redemptions" USING btree ("merchant_id","status");--> statement-breakpoint
CREATE INDEX "point_shop_items_territory_idx" ON "point_shop_items" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "point_shop_items_merchant_idx" ON "point_shop_items" USING btree ("merchant_id");