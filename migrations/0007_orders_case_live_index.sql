DROP INDEX "orders_case_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "orders_case_live_idx" ON "orders" USING btree ("case_id") WHERE status <> 'cancelled';