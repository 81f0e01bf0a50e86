/** What the Graph API says about a phone number (GET /{phone-number-id}?fields=…), read defensively. */
export type PhoneInfo = {
  displayPhoneNumber: string | null;
  verifiedName: string | null;
  qualityRating: string | null;
  messagingLimitTier: string | null;
  throughputLevel: string | null;
  throughputMps: number;
  nameStatus: string | null;
  codeVerificationStatus: string | null;
  numberStatus: string | null;
  platformType: string | null;
};

const str = (v: unknown) => (typeof v === "string" && v ? v : null);

/** Meta's throughput levels: STANDARD numbers get 80 messages/s, HIGH ones are upgraded to 1,000. */
const MPS: Record<string, number> = { HIGH: 1000, STANDARD: 80 };

export function readPhoneInfo(raw: Record<string, unknown>): PhoneInfo {
  const throughputLevel = str((raw.throughput as { level?: unknown } | undefined)?.level);
  return {
    displayPhoneNumber: str(raw.display_phone_number),
    verifiedName: str(raw.verified_name),
    qualityRating: str(raw.quality_rating),
    messagingLimitTier: str(raw.messaging_limit_tier),
    throughputLevel,
    throughputMps: MPS[throughputLevel ?? ""] ?? 80,
    nameStatus: str(raw.name_status),
    codeVerificationStatus: str(raw.code_verification_status),
    numberStatus: str(raw.status),
    platformType: str(raw.platform_type),
  };
}

/** The columns of whatsapp_accounts that a phone number read refreshes. */
export const accountColumns = (p: PhoneInfo) => ({
  displayPhoneNumber: p.displayPhoneNumber,
  verifiedName: p.verifiedName,
  qualityRating: p.qualityRating,
  messagingLimitTier: p.messagingLimitTier,
  throughputMps: p.throughputMps,
});

const QUALITY_RANK: Record<string, number> = { GREEN: 3, YELLOW: 2, RED: 1 };

export const isQualityDowngrade = (before: string | null, after: string | null) =>
  Boolean(before && after && QUALITY_RANK[before] && QUALITY_RANK[after] && QUALITY_RANK[after] < QUALITY_RANK[before]);
