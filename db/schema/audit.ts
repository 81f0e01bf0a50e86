import { index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, id, ref } from "./_shared";

export const auditLogs = pgTable(
  "audit_logs",
  {
    id: id(),
    orgId: ref("org_id"),
    actorUserId: ref("actor_user_id"),
    actorApiKeyId: ref("actor_api_key_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_logs_org_idx").on(t.orgId, t.createdAt)],
);
