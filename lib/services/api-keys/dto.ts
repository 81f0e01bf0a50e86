import type { ApiKeyWithCreator } from "@/db/queries/api-keys";
import type { ApiKeyDto } from "@/lib/api/contracts/api-keys";

export function apiKeyDto({ key: k, creator }: ApiKeyWithCreator): ApiKeyDto {
  return {
    id: String(k.id),
    name: k.name,
    prefix: k.prefix,
    role: k.role,
    enabled: k.enabled,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    expiresAt: k.expiresAt?.toISOString() ?? null,
    createdAt: k.createdAt.toISOString(),
    createdBy: creator ? { id: String(creator.id), name: creator.name } : null,
  };
}
