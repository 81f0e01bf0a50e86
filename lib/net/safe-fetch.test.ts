import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowOutbound, fakeServer, json } from "@/lib/services/bot/tools/fake-server";
import { assertPublicUrlShape, BlockedUrlError, isBlockedAddress, ResponseTooLargeError, safeFetch, TimeoutError } from "./safe-fetch";

let server: Awaited<ReturnType<typeof fakeServer>>;
beforeAll(async () => {
  server = await fakeServer((req, res) => {
    if (req.url.startsWith("/redirect?to=")) {
      res.writeHead(302, { location: decodeURIComponent(req.url.slice("/redirect?to=".length)) });
      return res.end();
    }
    if (req.url === "/slow") return void setTimeout(() => json(res, 200, { late: true }), 1500);
    if (req.url === "/big") return void res.end("x".repeat(5000));
    json(res, 200, { ok: true, path: req.url });
  });
});
afterAll(() => server.close());

const refused = async (url: string) => {
  const e = await safeFetch(url, { timeoutMs: 3000 }).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, url).toBeInstanceOf(BlockedUrlError);
};

describe("safeFetch without an allowlist refuses private destinations", () => {
  it("refuses loopback, private, link-local and metadata literals", async () => {
    for (const host of ["127.0.0.1", "10.0.0.1", "169.254.169.254", "192.168.1.1", "172.16.0.1", "100.64.0.1", "0.0.0.0", "[::1]", "[::]", "[fe80::1]", "[fd00::1]"]) {
      await refused(`http://${host}:${server.port}/`);
    }
  });

  it("refuses other spellings of loopback: decimal, hex, octal, short forms and IPv4 inside IPv6", async () => {
    for (const host of ["2130706433", "0x7f.1", "0x7f000001", "017700000001", "0177.0.0.1", "127.1", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:7f00:1]", "[::ffff:a9fe:a9fe]", "[::127.0.0.1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::]"]) {
      await refused(`http://${host}:${server.port}/`);
    }
  });

  it("refuses a hostname that resolves to loopback, checked when connecting", async () => {
    await refused(`http://localhost:${server.port}/`);
  });

  it("refuses a redirect from an allowed server to a private address", async () => {
    const restore = allowOutbound("127.0.0.1");
    try {
      // Sanity: the allowed server answers.
      const okRes = await safeFetch(`${server.origin}/hello`);
      expect(okRes.status).toBe(200);
      for (const target of [`http://localhost:${server.port}/secret`, "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", `http://[::ffff:7f00:1]:${server.port}/`]) {
        await refused(`${server.origin}/redirect?to=${encodeURIComponent(target)}`);
      }
    } finally {
      restore();
    }
  });

  it("refuses non-http schemes and credentials in the URL", async () => {
    for (const url of ["file:///etc/passwd", "ftp://example.com/", "gopher://example.com/", "http://user:pw@example.com/", "not a url"]) {
      expect(() => assertPublicUrlShape(url), url).toThrow(BlockedUrlError);
    }
  });
});

describe("isBlockedAddress", () => {
  it("judges embedded IPv4 by the IPv4 rules", () => {
    expect(isBlockedAddress("::ffff:127.0.0.1")).toBe(true);
    expect(isBlockedAddress("::ffff:7f00:1")).toBe(true);
    expect(isBlockedAddress("::ffff:a00:1")).toBe(true);
    expect(isBlockedAddress("64:ff9b::a9fe:a9fe")).toBe(true);
    expect(isBlockedAddress("::ffff:8.8.8.8")).toBe(false);
    expect(isBlockedAddress("::ffff:808:808")).toBe(false);
    expect(isBlockedAddress("8.8.8.8")).toBe(false);
    expect(isBlockedAddress("2606:4700:4700::1111")).toBe(false);
    expect(isBlockedAddress("not-an-ip")).toBe(true);
  });
});

describe("safeFetch limits (allow-listed local server)", () => {
  it("times out and caps the size", async () => {
    const restore = allowOutbound("127.0.0.1");
    try {
      await expect(safeFetch(`${server.origin}/slow`, { timeoutMs: 300 })).rejects.toBeInstanceOf(TimeoutError);
      await expect(safeFetch(`${server.origin}/big`, { maxBytes: 1000 })).rejects.toBeInstanceOf(ResponseTooLargeError);
      const r = await safeFetch(`${server.origin}/x`);
      expect(r.json()).toEqual({ ok: true, path: "/x" });
    } finally {
      restore();
    }
  });
});
