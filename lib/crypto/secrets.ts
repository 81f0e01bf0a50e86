import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Third-party secrets (AI keys, WhatsApp tokens) at rest: AES-256-GCM with a random 96-bit IV per value.
 * Format: "v1:<iv>:<tag>:<ciphertext>", base64url parts, so the key can be rotated by version later.
 */
function key(): Buffer {
  const raw = env().ENCRYPTION_KEY;
  const buf = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  if (buf.length !== 32) throw new Error("ENCRYPTION_KEY must be 32 bytes (64 hex characters or base64)");
  return buf;
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(":");
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, data] = stored.split(":");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("Unrecognised encrypted secret format");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** What the API shows instead of a secret: enough to recognise it, never enough to use it. */
export function maskSecret(plain: string): string {
  if (plain.length <= 8) return "•".repeat(plain.length);
  return `${plain.slice(0, 4)}${"•".repeat(Math.min(12, plain.length - 8))}${plain.slice(-4)}`;
}

/** The masked form of a stored secret; "••••" when it cannot be decrypted (encrypted under a rotated-away key). */
export function maskEncrypted(stored: string): string {
  try {
    return maskSecret(decryptSecret(stored));
  } catch {
    return "••••";
  }
}

/** Text that leaves the server (errors, previews, traces) with every given secret value replaced by "•••". */
export function scrubSecrets(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join("•••");
  return out;
}
