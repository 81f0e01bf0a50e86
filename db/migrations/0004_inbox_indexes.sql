CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
DROP INDEX "conversations_org_status_last_idx";--> statement-breakpoint
DROP INDEX "conversations_org_assignee_last_idx";--> statement-breakpoint
DROP INDEX "conversations_org_last_idx";--> statement-breakpoint
DROP INDEX "notifications_user_idx";--> statement-breakpoint
CREATE INDEX "contacts_search_trgm_idx" ON "contacts" USING gin ((coalesce("name", '') || ' ' || coalesce("profile_name", '') || ' ' || "wa_id") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "conversations_org_status_activity_idx" ON "conversations" USING btree ("org_id","status",coalesce("last_message_at", "created_at") desc,"id" desc);--> statement-breakpoint
CREATE INDEX "conversations_org_assignee_activity_idx" ON "conversations" USING btree ("org_id","assigned_to_id",coalesce("last_message_at", "created_at") desc,"id" desc) WHERE "conversations"."status" <> 'CLOSED';--> statement-breakpoint
CREATE INDEX "conversations_org_open_activity_idx" ON "conversations" USING btree ("org_id",coalesce("last_message_at", "created_at") desc,"id" desc) WHERE "conversations"."status" <> 'CLOSED';--> statement-breakpoint
CREATE INDEX "conversations_org_open_created_idx" ON "conversations" USING btree ("org_id","created_at" desc,"id" desc) WHERE "conversations"."status" <> 'CLOSED';--> statement-breakpoint
CREATE INDEX "conversations_org_waiting_idx" ON "conversations" USING btree ("org_id","last_customer_message_at","id") WHERE "conversations"."status" <> 'CLOSED' and "conversations"."last_message_direction" = 'INBOUND';--> statement-breakpoint
CREATE INDEX "conversations_org_contact_idx" ON "conversations" USING btree ("org_id","contact_id","created_at" desc);--> statement-breakpoint
CREATE INDEX "conversations_org_open_counts_idx" ON "conversations" USING btree ("org_id","assigned_to_id","team_id","status","unread_count","last_message_direction","snoozed_until") WHERE "conversations"."status" <> 'CLOSED';--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at" desc,"id" desc);