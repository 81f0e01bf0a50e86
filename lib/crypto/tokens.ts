import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** URL-safe random token with `bytes` bytes of entropy. */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString("base64url");

/** Tokens with high entropy are stored as a SHA-256 digest: a leaked table reveals nothing usable. */
export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export const randomDigits = (length: number) =>
  Array.from({ length }, () => randomInt(0, 10)).join("");

export function safeEqual(a: string, b: string) {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
