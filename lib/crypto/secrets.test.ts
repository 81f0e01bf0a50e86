import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, maskEncrypted, maskSecret, scrubSecrets } from "./secrets";

describe("secret encryption", () => {
  it("round-trips, uses a fresh IV each time and detects tampering", () => {
    const a = encryptSecret("sk-live-123456789");
    const b = encryptSecret("sk-live-123456789");
    expect(a).not.toBe(b);
    expect(a).not.toContain("123456789");
    expect(decryptSecret(a)).toBe("sk-live-123456789");
    const [v, iv, tag, data] = a.split(":");
    const flipped = data.slice(0, -2) + (data.endsWith("A") ? "BA" : "AA");
    expect(() => decryptSecret([v, iv, tag, flipped].join(":"))).toThrow();
    expect(() => decryptSecret("garbage")).toThrow();
  });

  it("masks without revealing the middle", () => {
    expect(maskSecret("sk-live-123456789")).toMatch(/^sk-l•+6789$/);
    expect(maskSecret("short")).toBe("•••••");
  });

  it("masks a stored secret, or shows it as set when it cannot be decrypted", () => {
    expect(maskEncrypted(encryptSecret("sk-live-123456789"))).toMatch(/^sk-l•+6789$/);
    expect(maskEncrypted("v1:garbage:x:y")).toBe("••••");
  });

  it("scrubs secret values out of text", () => {
    expect(scrubSecrets("key sk-1234 refused (sk-1234)", ["sk-1234", ""])).toBe("key ••• refused (•••)");
  });
});
