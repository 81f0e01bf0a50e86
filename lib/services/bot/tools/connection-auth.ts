import type { ConnectionRow } from "@/db/queries/connections";
import { decryptSecret, encryptSecret, maskSecret } from "@/lib/crypto/secrets";

/**
 * A connection's secrets are one encrypted JSON object. The keys that mean something per auth type:
 * BEARER { token }, BASIC { username, password }, API_KEY { apiKey, headerName? (default X-API-Key) }.
 */
export type ConnectionSecrets = Record<string, string>;
export const DEFAULT_API_KEY_HEADER = "X-API-Key";
/** Names, not secrets: shown as they are. */
const PLAIN_KEYS = new Set(["headerName", "username"]);

export function secretsOf(row: Pick<ConnectionRow, "secretsEnc">): ConnectionSecrets {
  if (!row.secretsEnc) return {};
  try {
    const parsed = JSON.parse(decryptSecret(row.secretsEnc)) as unknown;
    return parsed && typeof parsed === "object" ? (parsed as ConnectionSecrets) : {};
  } catch {
    return {};
  }
}

export const encryptSecrets = (secrets: ConnectionSecrets): string | null => (Object.keys(secrets).length ? encryptSecret(JSON.stringify(secrets)) : null);

export function maskedSecrets(secrets: ConnectionSecrets): ConnectionSecrets {
  return Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, PLAIN_KEYS.has(k) ? v : maskSecret(v)]));
}

/**
 * The secret values, to scrub (scrubSecrets) from whatever the server answered or failed with: an echoing API must
 * not leak them to the LLM, traces or previews.
 */
export const secretValues = (secrets: ConnectionSecrets) =>
  Object.entries(secrets)
    .filter(([k, v]) => !PLAIN_KEYS.has(k) && v.length >= 4)
    .map(([, v]) => v);

export function authHeaders(authType: ConnectionRow["authType"], secrets: ConnectionSecrets): Record<string, string> {
  switch (authType) {
    case "BEARER":
      return secrets.token ? { authorization: `Bearer ${secrets.token}` } : {};
    case "BASIC":
      return secrets.username || secrets.password ? { authorization: `Basic ${Buffer.from(`${secrets.username ?? ""}:${secrets.password ?? ""}`).toString("base64")}` } : {};
    case "API_KEY":
      return secrets.apiKey ? { [secrets.headerName || DEFAULT_API_KEY_HEADER]: secrets.apiKey } : {};
    default:
      return {};
  }
}

/** The connection's base URL joined with a path: "https://x/api" + "/orders" → "https://x/api/orders". */
export function joinUrl(baseUrl: string, path: string): string {
  if (!path) return baseUrl;
  return `${baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
