import { z } from "zod";
import {
  deleteConnection as deleteConnectionRow,
  findConnection,
  insertConnection,
  listConnections as listConnectionRows,
  updateConnection as updateConnectionRow,
  type ConnectionRow,
} from "@/db/queries/connections";
import type { Ctx } from "@/lib/api/context";
import type { connectionSchema } from "@/lib/api/contracts/bot-schemas";
import type { ConnectionInput, connectionTestSchema } from "@/lib/api/contracts/connections";
import { errors, type ErrorDetail } from "@/lib/api/errors";
import { uniqueName } from "@/lib/services/unique-name";
import { emit } from "@/lib/events/emit";
import { scrubSecrets } from "@/lib/crypto/secrets";
import { assertPublicUrlShape, BlockedUrlError, safeFetch } from "@/lib/net/safe-fetch";
import { audit } from "@/lib/services/audit";
import { authHeaders, encryptSecrets, joinUrl, maskedSecrets, secretsOf, secretValues, type ConnectionSecrets } from "./connection-auth";
import { fillUrl } from "./placeholders";
import { TOOL_MAX_BYTES } from "./run-tool";

type ConnectionDto = z.input<typeof connectionSchema>;
type ConnectionTestDto = z.input<typeof connectionTestSchema>;

/** Secrets each auth type cannot work without. */
const REQUIRED_SECRETS: Record<ConnectionRow["authType"], string[]> = { NONE: [], BEARER: ["token"], BASIC: ["username", "password"], API_KEY: ["apiKey"] };
const PREVIEW_CHARS = 1000;

export function connectionDto(row: ConnectionRow): ConnectionDto {
  return {
    id: String(row.id),
    name: row.name,
    description: row.description,
    baseUrl: row.baseUrl,
    authType: row.authType,
    secrets: maskedSecrets(secretsOf(row)),
    headers: row.headers,
    isActive: row.isActive,
    lastTestedAt: row.lastTestedAt?.toISOString() ?? null,
    lastTestOk: row.lastTestOk,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function loadConnection(ctx: Pick<Ctx, "orgId">, id: number) {
  const row = await findConnection(ctx.orgId, id);
  if (!row) throw errors.notFound("Connection");
  return row;
}

/** Applies a write-only secrets patch: a value sets, null clears a key, an absent key keeps, null clears them all. */
function mergeSecrets(current: ConnectionSecrets, patch: Record<string, string | null> | null | undefined): ConnectionSecrets {
  if (patch === undefined) return current;
  if (patch === null) return {};
  const out = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === "") delete out[k];
    else out[k] = v;
  }
  return out;
}

function assertValid(baseUrl: string, authType: ConnectionRow["authType"], secrets: ConnectionSecrets) {
  const details: ErrorDetail[] = [];
  try {
    assertPublicUrlShape(baseUrl);
  } catch (e) {
    if (!(e instanceof BlockedUrlError)) throw e;
    details.push({ path: "baseUrl", message: e.message });
  }
  for (const key of REQUIRED_SECRETS[authType]) if (!secrets[key]) details.push({ path: `secrets.${key}`, message: `is required for ${authType} authentication` });
  if (details.length) throw errors.validation("The connection is not valid", details);
}

const changed = (ctx: Ctx, id: number) => emit("bot.changed", { orgId: ctx.orgId, resource: "connection", id });

export async function listConnections(ctx: Ctx) {
  return { data: (await listConnectionRows(ctx.orgId)).map(connectionDto) };
}

export async function createConnection(ctx: Ctx, input: ConnectionInput & { name: string; baseUrl: string }) {
  const authType = input.authType ?? "NONE";
  const secrets = mergeSecrets({}, input.secrets);
  assertValid(input.baseUrl, authType, secrets);
  const row = await uniqueName("connection", input.name, () =>
    insertConnection(ctx.orgId, {
      name: input.name,
      description: input.description ?? null,
      baseUrl: input.baseUrl,
      authType,
      secretsEnc: encryptSecrets(secrets),
      headers: input.headers ?? {},
      isActive: input.isActive ?? true,
      createdById: ctx.user?.id ?? null,
    }),
  );
  await audit(ctx, "connection.created", { type: "connection", id: row.id }, { name: row.name, authType });
  changed(ctx, row.id);
  return connectionDto(row);
}

export async function updateConnection(ctx: Ctx, id: number, input: ConnectionInput) {
  const current = await loadConnection(ctx, id);
  const baseUrl = input.baseUrl ?? current.baseUrl;
  const authType = input.authType ?? current.authType;
  const secrets = mergeSecrets(secretsOf(current), input.secrets);
  assertValid(baseUrl, authType, secrets);
  const row = await uniqueName("connection", input.name, () =>
    updateConnectionRow(ctx.orgId, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.headers !== undefined ? { headers: input.headers } : {}),
      ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
      baseUrl,
      authType,
      ...(input.secrets !== undefined ? { secretsEnc: encryptSecrets(secrets) } : {}),
    }),
  );
  if (!row) throw errors.notFound("Connection");
  // Which fields changed, never their values.
  const fields = Object.keys(input).filter((k) => input[k as keyof ConnectionInput] !== undefined);
  await audit(ctx, "connection.updated", { type: "connection", id }, { fields, secretKeys: input.secrets ? Object.keys(input.secrets) : undefined });
  changed(ctx, id);
  return connectionDto(row);
}

export async function deleteConnection(ctx: Ctx, id: number) {
  const row = await deleteConnectionRow(ctx.orgId, id);
  if (!row) throw errors.notFound("Connection");
  await audit(ctx, "connection.deleted", { type: "connection", id }, { name: row.name });
  changed(ctx, id);
}

export async function revealConnectionSecrets(ctx: Ctx, id: number) {
  const row = await loadConnection(ctx, id);
  const secrets = secretsOf(row);
  await audit(ctx, "connection.secrets_revealed", { type: "connection", id }, { keys: Object.keys(secrets) });
  return { secrets };
}

/** A GET to baseUrl + path with the connection's auth: whether it answers 2xx, and a preview without secrets. */
export async function testConnection(ctx: Ctx, id: number, input: { path?: string; variables?: Record<string, string | number | boolean> }): Promise<ConnectionTestDto> {
  const row = await loadConnection(ctx, id);
  const secrets = secretsOf(row);
  const hidden = secretValues(secrets);
  const started = Date.now();
  let result: ConnectionTestDto;
  try {
    const url = joinUrl(row.baseUrl, fillUrl(input.path ?? "", input.variables ?? {}));
    const res = await safeFetch(url, { method: "GET", headers: { ...row.headers, ...authHeaders(row.authType, secrets) }, timeoutMs: 10_000, maxBytes: TOOL_MAX_BYTES });
    const ok = res.status >= 200 && res.status < 300;
    result = { ok, status: res.status, ms: Date.now() - started, error: ok ? null : `The service answered HTTP ${res.status}`, preview: scrubSecrets(res.text(), hidden).slice(0, PREVIEW_CHARS) };
  } catch (e) {
    const message = e instanceof Error ? e.message || e.name : String(e);
    result = { ok: false, status: null, ms: Date.now() - started, error: scrubSecrets(message, hidden), preview: null };
  }
  await updateConnectionRow(ctx.orgId, id, { lastTestedAt: new Date(), lastTestOk: result.ok });
  changed(ctx, id);
  return result;
}

