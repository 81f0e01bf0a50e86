import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { env } from "@/lib/env";

/**
 * Every request to a URL a user typed (bot tools, connections, external bot webhooks) goes through safeFetch: http(s)
 * only, and refused when the host resolves to a loopback, private, link-local, CGNAT, multicast or metadata address —
 * checked at connect time on every hop of a redirect, so DNS rebinding cannot slip past — unless OUTBOUND_ALLOWLIST
 * names the host. The answer is size- and time-limited.
 */

export class BlockedUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BlockedUrlError";
  }
}

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["fd00:ec2::", 32],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/** The eight 16-bit groups of an IPv6 address (dotted IPv4 tail and "::" expanded). */
function ipv6Groups(address: string): number[] | null {
  let a = address.toLowerCase().split("%")[0];
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(a);
  if (dotted) {
    const [b0, b1, b2, b3] = dotted.slice(1).map(Number);
    a = `${a.slice(0, dotted.index)}${((b0 << 8) | b1).toString(16)}:${((b2 << 8) | b3).toString(16)}`;
  }
  const [head, tail] = a.split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = a.includes("::") ? [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill("0"), ...t] : h;
  return groups.length === 8 ? groups.map((g) => parseInt(g, 16)) : null;
}

const v4Of = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/**
 * An IPv4 address an IPv6 one carries and that the kernel or a gateway would reach: IPv4-mapped (::ffff:a.b.c.d, in
 * either spelling — URL parsing turns the dotted form into ::ffff:7f00:1), IPv4-compatible (::a.b.c.d), NAT64
 * (64:ff9b::/96) and 6to4 (2002::/16).
 */
function embeddedIpv4(g: number[]): string | null {
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && g[5] === 0xffff) return v4Of(g[6], g[7]);
  if (zeros(0, 6)) return v4Of(g[6], g[7]);
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return v4Of(g[6], g[7]);
  if (g[0] === 0x2002) return v4Of(g[1], g[2]);
  return null;
}

/** True when the address must not be reached from user-supplied URLs (IPv4 inside IPv6 is judged as IPv4). */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  const groups = ipv6Groups(address);
  if (!groups) return true;
  const v4 = embeddedIpv4(groups);
  // :: and ::1 fall in the IPv4-compatible range as 0.0.0.0 and 0.0.0.1, both blocked.
  if (v4 !== null && blocked.check(v4, "ipv4")) return true;
  return blocked.check(address, "ipv6");
}

function allowlisted(url: URL): boolean {
  const list = (env().OUTBOUND_ALLOWLIST ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return list.includes(host) || list.includes(`${host}:${port}`);
}

/** Parses and checks the scheme; throws BlockedUrlError with a message fit for the user. */
export function assertPublicUrlShape(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BlockedUrlError("The URL is not valid");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new BlockedUrlError("Only http and https URLs are allowed");
  if (url.username || url.password) throw new BlockedUrlError("Credentials in the URL are not allowed; use a connection");
  return url;
}

/** A lookup that refuses blocked addresses: used by the socket itself, so the address checked is the one connected to. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const list = addresses as LookupAddress[];
    const bad = list.find((a) => isBlockedAddress(a.address));
    if (bad || !list.length) {
      return callback(Object.assign(new BlockedUrlError(`${hostname} resolves to a private or reserved address (${bad?.address ?? "none"})`), { code: "EBLOCKED" }), "", 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    callback(null, list[0].address, list[0].family);
  });
};

export type SafeFetchInit = {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Whole request, redirects included. Default 10 s. */
  timeoutMs?: number;
  /** Bytes of response body kept; more is an error. Default 1 MB. */
  maxBytes?: number;
  maxRedirects?: number;
};

export type SafeResponse = { status: number; headers: Record<string, string>; body: Buffer; url: string; text(): string; json(): unknown };

export class ResponseTooLargeError extends Error {}
export class TimeoutError extends Error {}

function requestOnce(url: URL, init: SafeFetchInit, deadline: number): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  const allowed = allowlisted(url);
  if (!allowed && isIP(literal) && isBlockedAddress(literal)) return Promise.reject(new BlockedUrlError(`${literal} is a private or reserved address`));
  const maxBytes = init.maxBytes ?? 1_000_000;
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new TimeoutError("The request timed out"));
    const req = client.request(
      url,
      { method: init.method ?? "GET", headers: init.headers, lookup: allowed ? undefined : guardedLookup, timeout: remaining, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let tooLarge = false;
        res.on("data", (chunk: Buffer) => {
          if (tooLarge) return;
          size += chunk.length;
          if (size > maxBytes) {
            // Reject first: destroying the request may still let the response emit "end" with a partial body.
            tooLarge = true;
            reject(new ResponseTooLargeError(`The response is larger than ${maxBytes} bytes`));
            req.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () => {
          if (tooLarge) return;
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
        });
        res.on("error", reject);
      },
    );
    const timer = setTimeout(() => req.destroy(new TimeoutError("The request timed out")), remaining);
    req.on("close", () => clearTimeout(timer));
    req.on("timeout", () => req.destroy(new TimeoutError("The request timed out")));
    req.on("error", (e) => reject((e as { code?: string }).code === "EBLOCKED" ? new BlockedUrlError(e.message) : e));
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

/** fetch for user-supplied URLs; throws BlockedUrlError, TimeoutError, ResponseTooLargeError or a network error. */
export async function safeFetch(raw: string, init: SafeFetchInit = {}): Promise<SafeResponse> {
  const deadline = Date.now() + (init.timeoutMs ?? 10_000);
  let url = assertPublicUrlShape(raw);
  let current = init;
  for (let hop = 0; ; hop++) {
    const res = await requestOnce(url, current, deadline);
    const location = res.headers.location;
    if (res.status >= 300 && res.status < 400 && location) {
      if (hop >= (init.maxRedirects ?? 5)) throw new BlockedUrlError("Too many redirects");
      const next = assertPublicUrlShape(new URL(location, url).toString());
      // Credentials of a connection are for its host only.
      if (next.origin !== url.origin) current = { ...current, headers: {} };
      url = next;
      // 303 (and 301/302 after a POST, as browsers do) continue as GET without a body.
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && current.method && current.method !== "GET")) {
        current = { ...current, method: "GET", body: undefined };
      }
      continue;
    }
    const body = res.body;
    return { ...res, body, url: url.toString(), text: () => body.toString("utf8"), json: () => JSON.parse(body.toString("utf8")) };
  }
}
