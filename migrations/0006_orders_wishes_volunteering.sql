CREATE TABLE "daily_counters" (
	"series" text NOT NULL,
	"day" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "daily_counters_series_day_pk" PRIMARY KEY("series","day")
);
--> statement-breakpoint
CREATE TABLE "domain_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"user_id" uuid,
	"territory_path" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_cursors" (
	"consumer" text PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"on_site_minutes" integer DEFAULT 30 NOT NULL,
	"skill" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_misses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"grabbed_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"missed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"territory_path" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"case_id" uuid,
	"category_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"address" text,
	"lat" double precision,
	"lng" double precision,
	"node_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"audience_path" text NOT NULL,
	"audience" text DEFAULT 'both' NOT NULL,
	"team_id" uuid,
	"max_distance_meters" integer,
	"on_site_minutes" integer NOT NULL,
	"requester_user_id" uuid,
	"requester_name" text,
	"requester_phone" text,
	"status" text DEFAULT 'open' NOT NULL,
	"taker_user_id" uuid,
	"taker_name" text,
	"grabbed_at" timestamp with time zone,
	"on_site_due_at" timestamp with time zone,
	"arrived_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"completion_note" text,
	"completion_photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"score" smallint,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"misses" integer DEFAULT 0 NOT NULL,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"team_id" uuid,
	"mode" text NOT NULL,
	"place" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"slot_minutes" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"checkin_secret" text NOT NULL,
	"node_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_signups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"slot_starts_at" timestamp with time zone,
	"status" text NOT NULL,
	"position" integer,
	"signed_up_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_in_at" timestamp with time zone,
	"checked_out_at" timestamp with time zone,
	"hours" numeric(6, 2),
	"territory_path" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"team_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_team_id_volunteer_id_pk" PRIMARY KEY("team_id","volunteer_id")
);
--> statement-breakpoint
CREATE TABLE "volunteer_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"speciality" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"leader_user_id" uuid,
	"node_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"node_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteers_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "wish_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wish_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wishes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"wisher_user_id" uuid,
	"wisher_name" text NOT NULL,
	"wisher_phone" text,
	"wisher_kind" text DEFAULT 'resident' NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"node_id" uuid NOT NULL,
	"territory_path" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reviewed_by" uuid,
	"review_note" text,
	"published_at" timestamp with time zone,
	"claimer_user_id" uuid,
	"claimer_name" text,
	"claimer_kind" text,
	"claimer_unit_id" uuid,
	"claimer_unit_name" text,
	"claimed_at" timestamp with time zone,
	"fulfilled_at" timestamp with time zone,
	"fulfil_note" text,
	"fulfil_photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"confirmed_at" timestamp with time zone,
	"thanks" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wishes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_misses" ADD CONSTRAINT "order_misses_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signups" ADD CONSTRAINT "activity_signups_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signups" ADD CONSTRAINT "activity_signups_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_volunteer_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."volunteer_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_events" ADD CONSTRAINT "wish_events_wish_id_wishes_id_fk" FOREIGN KEY ("wish_id") REFERENCES "public"."wishes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "domain_events_type_idx" ON "domain_events" USING btree ("type","seq");--> statement-breakpoint
CREATE INDEX "domain_events_user_idx" ON "domain_events" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("order_id","at");--> statement-breakpoint
CREATE INDEX "order_misses_user_idx" ON "order_misses" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "order_misses_territory_idx" ON "order_misses" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "orders_territory_idx" ON "orders" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "orders_status_idx" ON "orders" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "orders_taker_idx" ON "orders" USING btree ("taker_user_id");--> statement-breakpoint
CREATE INDEX "orders_due_idx" ON "orders" USING btree ("on_site_due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_case_idx" ON "orders" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "activities_territory_idx" ON "activities" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "activities_starts_idx" ON "activities" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_signups_unique" ON "activity_signups" USING btree ("activity_id","volunteer_id");--> statement-breakpoint
CREATE INDEX "activity_signups_volunteer_idx" ON "activity_signups" USING btree ("volunteer_id");--> statement-breakpoint
CREATE INDEX "activity_signups_territory_idx" ON "activity_signups" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "team_members_volunteer_idx" ON "team_members" USING btree ("volunteer_id");--> statement-breakpoint
CREATE INDEX "volunteer_teams_territory_idx" ON "volunteer_teams" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "volunteers_territory_idx" ON "volunteers" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "wish_events_wish_idx" ON "wish_events" USING btree ("wish_id","at");--> statement-breakpoint
CREATE INDEX "wishes_territory_idx" ON "wishes" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "wishes_status_idx" ON "wishes" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "wishes_wisher_idx" ON "wishes" USING btree ("wisher_user_id");--> statement-breakpoint
CREATE INDEX "wishes_claimer_idx" ON "wishes" USING btree ("claimer_user_id");