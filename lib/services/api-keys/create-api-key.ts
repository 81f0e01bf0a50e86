import { getDb } from "@/db/client";
import { insertApiKey } from "@/db/queries/api-keys";
import type { Role } from "@/db/queries/users";
import type { Ctx } from "@/lib/api/context";
import { API_KEY_PREFIX } from "@/lib/auth/principal";
import { randomToken, sha256 } from "@/lib/crypto/tokens";
import { audit } from "@/lib/services/audit";
import { apiKeyDto } from "./dto";

/** The prefix stored and shown: "cxk_" plus 8 random characters, enough to tell keys apart, useless to guess one. */
const VISIBLE_CHARS = 12;

/** The secret is returned here once; only its SHA-256 is kept, so it can never be shown again. */
export async function createApiKey(ctx: Ctx, input: { name: string; role: Role; expiresAt?: string }) {
  const secret = `${API_KEY_PREFIX}${randomToken(6)}_${randomToken(24)}`;
  const row = await getDb().transaction(async (tx) => {
    const row = await insertApiKey(
      {
        orgId: ctx.orgId,
        name: input.name,
        prefix: secret.slice(0, VISIBLE_CHARS),
        keyHash: sha256(secret),
        role: input.role,
        createdById: ctx.user?.id ?? null,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      },
      tx,
    );
    await audit(ctx, "api_key.created", { type: "api_key", id: row.id }, { name: row.name, role: row.role, prefix: row.prefix }, tx);
    return row;
  });
  const creator = ctx.user ? { id: ctx.user.id, name: ctx.user.name } : null;
  return { ...apiKeyDto({ key: row, creator }), key: secret };
}
