import { findActiveTools, type BotToolRow } from "@/db/queries/bot-tools";
import { findConnection } from "@/db/queries/connections";
import type { ToolRunDto } from "@/lib/api/contracts/bot-schemas";
import { scrubSecrets } from "@/lib/crypto/secrets";
import { safeFetch } from "@/lib/net/safe-fetch";
import { authHeaders, joinUrl, secretsOf, secretValues } from "./connection-auth";
import { fillBody, fillText, fillUrl, placeholdersIn, validateParams, type ParamValues } from "./placeholders";

export const TOOL_MAX_BYTES = 256 * 1024;
/** What a tool result may weigh in a prompt (and in a stored trace). */
export const TOOL_RESULT_MAX_CHARS = 4000;

type Request = { method: string; url: string; displayUrl: string; headers: Record<string, string>; body?: string; secrets: string[] };

/** Query parameters whose values are credentials by their name: masked in what we show. */
const SECRET_QUERY = /key|token|secret|password|signature|auth/i;

export function displayUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.username = "";
    url.password = "";
    for (const k of [...url.searchParams.keys()]) if (SECRET_QUERY.test(k)) url.searchParams.set(k, "***");
    return url.toString();
  } catch {
    return raw;
  }
}

async function buildRequest(orgId: number, tool: BotToolRow, values: ParamValues): Promise<Request | string> {
  const method = tool.method.toUpperCase();
  let url: string;
  let headers = Object.fromEntries(Object.entries(tool.headers).map(([k, v]) => [k, fillText(v, values)]));
  let secrets: Record<string, string> = {};
  if (tool.connectionId) {
    const connection = await findConnection(orgId, tool.connectionId);
    if (!connection) return "The tool's connection no longer exists";
    if (!connection.isActive) return `The connection "${connection.name}" is disabled`;
    secrets = secretsOf(connection);
    const path = fillUrl(tool.url, values);
    url = /^https?:\/\//i.test(tool.url) ? path : joinUrl(connection.baseUrl, path);
    // The connection's credentials go to its own host only.
    if (!sameOrigin(url, connection.baseUrl)) return `The tool's URL is not on the host of the connection "${connection.name}"`;
    headers = { ...connection.headers, ...headers, ...authHeaders(connection.authType, secrets) };
  } else {
    if (!/^https?:\/\//i.test(tool.url)) return "The tool's URL is a path but it has no connection";
    url = fillUrl(tool.url, values);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "The tool's URL is not valid";
  }
  for (const [k, v] of Object.entries(tool.query)) parsed.searchParams.append(k, fillText(v, values));
  let body: string | undefined;
  if (tool.bodyTemplate && method !== "GET") {
    const typeKey = Object.keys(headers).find((k) => k.toLowerCase() === "content-type");
    const looksJson = /^\s*[[{]/.test(tool.bodyTemplate);
    if (!typeKey && looksJson) headers["content-type"] = "application/json";
    body = fillBody(tool.bodyTemplate, values, typeKey ? headers[typeKey] : looksJson ? "application/json" : "text/plain");
  }
  return { method, url: parsed.toString(), displayUrl: displayUrl(parsed.toString()), headers, body, secrets: secretValues(secrets) };
}

export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** A value for JSON path "a.b[0].c" (or "[1].name" into a top-level array); undefined when absent. */
export function atPath(value: unknown, path: string | null | undefined): unknown {
  if (!path?.trim()) return value;
  let cur = value;
  for (const m of path.trim().matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (cur === null || typeof cur !== "object") return undefined;
    const key = m[2] !== undefined ? Number(m[2]) : m[1];
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** The result as text for a prompt: JSON or text, cut to TOOL_RESULT_MAX_CHARS. */
export function toolResultText(result: unknown): string {
  const text = typeof result === "string" ? result : (JSON.stringify(result) ?? "");
  return text.length > TOOL_RESULT_MAX_CHARS ? `${text.slice(0, TOOL_RESULT_MAX_CHARS)}… (truncated)` : text;
}

/** Small results stay structured; a large one becomes its truncated text so traces and prompts stay small. */
function compact(result: unknown): unknown {
  if (result === undefined) return null;
  const text = typeof result === "string" ? result : JSON.stringify(result);
  return text.length > TOOL_RESULT_MAX_CHARS ? toolResultText(text) : result;
}

/**
 * Runs one tool call for the bot, an agent or a builder test. Never throws for bad parameters, HTTP or network
 * failures: they come back as ok=false with an error fit to show. Secrets (connection auth) are sent but never
 * returned: `request` shows the method and the URL without credentials, and errors and results are scrubbed.
 */
export async function runTool(orgId: number, tool: BotToolRow, params: Record<string, unknown>, opts: { conversationId?: number } = {}): Promise<ToolRunDto> {
  void opts;
  const started = Date.now();
  const method = tool.method.toUpperCase();
  const fail = (error: string, url: string, status: number | null = null, result: unknown = null): ToolRunDto => ({
    ok: false,
    status,
    ms: Date.now() - started,
    result,
    error,
    request: { method, url },
  });
  const checked = validateParams(tool.parameters, params ?? {});
  if (!checked.ok) return fail(checked.error, displayUrl(tool.url));
  // "." and ".." would climb out of the path the admin configured (URL parsing resolves them, even percent-encoded).
  const dots = placeholdersIn(tool.url).find((n) => /^\.+$/.test(String(checked.values[n] ?? "")));
  if (dots) return fail(`Invalid parameters: ${dots} cannot be "." or ".."`, displayUrl(tool.url));
  const req = await buildRequest(orgId, tool, checked.values);
  if (typeof req === "string") return fail(req, displayUrl(tool.url));
  try {
    const res = await safeFetch(req.url, { method: req.method, headers: req.headers, body: req.body, timeoutMs: tool.timeoutMs, maxBytes: TOOL_MAX_BYTES, maxRedirects: 3 });
    const text = scrubSecrets(res.text(), req.secrets);
    let data: unknown = text;
    if (/json/i.test(res.headers["content-type"] ?? "")) {
      try {
        data = JSON.parse(text);
      } catch {
        data = text;
      }
    }
    const ok = res.status >= 200 && res.status < 300;
    const result = compact(ok ? atPath(data, tool.responsePath) : data);
    if (!ok) return fail(`The service answered HTTP ${res.status}`, req.displayUrl, res.status, result);
    return { ok, status: res.status, ms: Date.now() - started, result, error: null, request: { method, url: req.displayUrl } };
  } catch (e) {
    return fail(scrubSecrets(e instanceof Error ? e.message || e.name : String(e), req.secrets), req.displayUrl);
  }
}

/** The active tools of the org among the config's toolIds (the only ones its LLM may call). */
export async function toolsForBot(orgId: number, ids: number[]): Promise<BotToolRow[]> {
  return findActiveTools(orgId, ids.map(Number).filter((n) => Number.isInteger(n) && n > 0));
}
