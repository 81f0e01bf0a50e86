import { insertAudit } from "@/db/queries/audit";
import type { Tx } from "@/db/client";
import type { Ctx, RequestMeta } from "@/lib/api/context";

export type AuditAction =
  | "auth.login"
  | "auth.login_failed"
  | "auth.code_login"
  | "auth.register"
  | "auth.refresh_reuse"
  | "auth.password_changed"
  | "user.invited"
  | "user.role_changed"
  | "user.deleted"
  | "user.updated"
  | "invitation.created"
  | "invitation.revoked"
  | "invitation.accepted"
  | "api_key.created"
  | "api_key.updated"
  | "api_key.deleted"
  | "whatsapp.account_connected"
  | "whatsapp.account_updated"
  | "whatsapp.account_disconnected"
  | "whatsapp.meta_config_updated"
  | "template.deleted_at_meta"
  | "conversation.assigned"
  | "conversation.unassigned"
  | "tag.updated"
  | "tag.deleted"
  | "quick_reply.created"
  | "quick_reply.updated"
  | "quick_reply.deleted"
  | "quick_reply.bulk_changed"
  | "team.created"
  | "team.updated"
  | "team.deactivated"
  | "team.member_added"
  | "team.member_updated"
  | "team.member_removed"
  | "bot.config_activated"
  | "bot.config_deleted"
  | "bot.key_changed"
  | "bot.key_revealed"
  | "bot.enabled_changed"
  | "bot.mode_changed"
  | "bot.imported"
  | "bot.snapshot_restored"
  | "bot.template_created"
  | "bot.template_updated"
  | "bot.template_deleted"
  | "connection.created"
  | "connection.updated"
  | "connection.deleted"
  | "connection.secrets_revealed"
  | "tool.created"
  | "tool.updated"
  | "tool.deleted"
  | "tool.executed"
  | "dev.simulated_data_deleted";

/** Who did what to which target, from where. Written in the same transaction as the change when one is given. */
export async function audit(
  actor: (Partial<Ctx> & RequestMeta) | { orgId: number | null; userId: number | null; ip?: string; userAgent?: string },
  action: AuditAction,
  target?: { type: string; id: number | string },
  metadata?: Record<string, unknown>,
  tx?: Tx,
) {
  const a = actor as Partial<Ctx> & { userId?: number | null };
  await insertAudit(
    {
      orgId: a.orgId ?? null,
      actorUserId: a.user?.id ?? a.userId ?? null,
      actorApiKeyId: a.apiKeyId ?? null,
      action,
      targetType: target?.type,
      targetId: target ? String(target.id) : undefined,
      ip: a.ip,
      userAgent: a.userAgent?.slice(0, 300),
      metadata: a.impersonatorId ? { ...metadata, impersonatorId: a.impersonatorId } : metadata,
    },
    tx,
  );
}
