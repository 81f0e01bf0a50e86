import type { AlertRow } from "@/db/queries/alerts";
import type { WhatsappAccountRow } from "@/db/queries/whatsapp-accounts";
import { decryptSecret, maskSecret } from "@/lib/crypto/secrets";

const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

function tokenMasked(encrypted: string) {
  try {
    return maskSecret(decryptSecret(encrypted));
  } catch {
    // A token encrypted under a rotated-away key still lists; it just cannot be recognised.
    return "••••";
  }
}

export function accountDto(a: WhatsappAccountRow) {
  return {
    id: String(a.id),
    wabaId: a.wabaId,
    phoneNumberId: a.phoneNumberId,
    displayPhoneNumber: a.displayPhoneNumber,
    verifiedName: a.verifiedName,
    alias: a.alias,
    isSandbox: a.isSandbox,
    status: a.status,
    qualityRating: a.qualityRating,
    messagingLimitTier: a.messagingLimitTier,
    throughputMps: a.throughputMps,
    tokenMasked: tokenMasked(a.accessTokenEncrypted),
    lastHealthAt: isoOrNull(a.lastHealthAt),
    lastError: a.lastError,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function alertDto(a: AlertRow) {
  return {
    id: String(a.id),
    whatsappAccountId: a.whatsappAccountId === null ? null : String(a.whatsappAccountId),
    type: a.type,
    severity: a.severity,
    title: a.title,
    message: a.message,
    metadata: a.metadata ?? {},
    acknowledgedAt: isoOrNull(a.acknowledgedAt),
    acknowledgedById: a.acknowledgedById === null ? null : String(a.acknowledgedById),
    createdAt: a.createdAt.toISOString(),
  };
}
