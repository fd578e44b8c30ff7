CREATE TABLE "case_figures" (
	"grain" text NOT NULL,
	"period" date NOT NULL,
	"node_id" uuid NOT NULL,
	"cases" integer NOT NULL,
	"open" integer NOT NULL,
	"rated" integer NOT NULL,
	"satisfied" integer NOT NULL,
	"late" integer NOT NULL,
	"whistles" integer NOT NULL,
	"detail" jsonb NOT NULL,
	CONSTRAINT "case_figures_grain_node_id_period_pk" PRIMARY KEY("grain","node_id","period")
);
--> statement-breakpoint
CREATE TABLE "case_figures_state" (
	"id" smallint PRIMARY KEY NOT NULL,
	"refreshed_through" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"subject_name" text NOT NULL,
	"territory_path" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"xlsx_file_id" text,
	"pdf_file_id" text,
	"error" text,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"generated_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "whistles" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "reports_subject_period_unique" ON "reports" USING btree ("kind","subject_type","subject_id","period_start");--> statement-breakpoint
CREATE INDEX "reports_period_idx" ON "reports" USING btree ("period_start","created_at");--> statement-breakpoint
CREATE INDEX "reports_territory_idx" ON "reports" USING btree ("territory_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cases_updated_idx" ON "cases" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "cases_open_path_idx" ON "cases" USING btree ("territory_path" text_pattern_ops) WHERE status in ('new', 'gridHandling', 'communityDispatch', 'whistled', 'streetReview', 'departmentClaim', 'departmentHandling');--> statement-breakpoint
CREATE INDEX "whistles_updated_idx" ON "whistles" USING btree ("updated_at");