-- Tokens made before scopes could do everything: they keep every scope; new ones name theirs.
ALTER TABLE "api_tokens" ADD COLUMN "scopes" text[] DEFAULT '{read,write,open311,reveal}' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "scopes" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "parent_token_id" uuid;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "parent_session_hash" text;--> statement-breakpoint
ALTER TABLE "login_failures" ADD COLUMN "pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_parent_token_id_api_tokens_id_fk" FOREIGN KEY ("parent_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_parent_token_idx" ON "api_tokens" USING btree ("parent_token_id");--> statement-breakpoint
CREATE INDEX "api_tokens_parent_session_idx" ON "api_tokens" USING btree ("parent_session_hash");