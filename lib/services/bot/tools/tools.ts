import { getDb } from "@/db/client";
import { deleteTool as deleteToolRow, findTool, insertTool, listTools as listToolRows, updateTool as updateToolRow, type BotToolRow } from "@/db/queries/bot-tools";
import { findConnection } from "@/db/queries/connections";
import type { Ctx } from "@/lib/api/context";
import type { ToolDto, ToolRunDto } from "@/lib/api/contracts/bot-schemas";
import type { ToolInput } from "@/lib/api/contracts/bot-tools";
import { errors, type ErrorDetail } from "@/lib/api/errors";
import { uniqueName } from "@/lib/services/unique-name";
import { emit } from "@/lib/events/emit";
import { audit } from "@/lib/services/audit";
import { assertPublicUrlShape, BlockedUrlError } from "@/lib/net/safe-fetch";
import { undeclaredPlaceholders } from "./placeholders";
import { runTool, sameOrigin } from "./run-tool";

export function toolDto(row: BotToolRow): ToolDto {
  return {
    id: String(row.id),
    name: row.name,
    description: row.description,
    method: row.method as ToolDto["method"],
    url: row.url,
    connectionId: row.connectionId === null ? null : String(row.connectionId),
    headers: row.headers,
    query: row.query,
    bodyTemplate: row.bodyTemplate,
    parameters: row.parameters,
    responsePath: row.responsePath,
    timeoutMs: row.timeoutMs,
    isActive: row.isActive,
    availableToAgents: row.availableToAgents,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A tool of the org or 404 (another org's tool is a missing one). */
export async function loadTool(ctx: Pick<Ctx, "orgId">, id: number): Promise<BotToolRow> {
  const row = await findTool(ctx.orgId, id);
  if (!row) throw errors.notFound("Tool");
  return row;
}

type ToolShape = Pick<BotToolRow, "method" | "url" | "connectionId" | "headers" | "query" | "bodyTemplate" | "parameters">;

/** The rules that span fields: the URL against the connection, placeholders against the parameters. */
async function assertValidTool(orgId: number, t: ToolShape) {
  const details: ErrorDetail[] = [];
  const connection = t.connectionId === null ? null : await findConnection(orgId, t.connectionId);
  if (t.connectionId !== null && !connection) throw errors.notFound("Connection");
  // Placeholders stand for URL components: any harmless value checks the shape.
  const sampleUrl = t.url.replace(/\{\{[^}]*\}\}/g, "x");
  if (connection && !t.url.startsWith("/") && !sameOrigin(sampleUrl, connection.baseUrl)) {
    details.push({ path: "url", message: "with a connection, give a path (/...) or a URL on the connection's host" });
  } else if (t.url.startsWith("/")) {
    if (t.connectionId === null) details.push({ path: "url", message: "a path needs a connection (connectionId); otherwise give an absolute http(s) URL" });
  } else {
    try {
      assertPublicUrlShape(sampleUrl);
    } catch (e) {
      if (!(e instanceof BlockedUrlError)) throw e;
      details.push({ path: "url", message: e.message });
    }
  }
  const names = t.parameters.map((p) => p.name);
  names.forEach((n, i) => names.indexOf(n) !== i && details.push({ path: `parameters.${i}.name`, message: `"${n}" is declared twice` }));
  t.parameters.forEach((p, i) => {
    if (p.enum?.length && p.type !== "string") details.push({ path: `parameters.${i}.enum`, message: "only string parameters take an enum" });
  });
  for (const u of undeclaredPlaceholders(t, t.parameters)) details.push({ path: u.path, message: `{{${u.name}}} is not a declared parameter` });
  if (t.bodyTemplate && t.method === "GET") details.push({ path: "bodyTemplate", message: "a GET request has no body; use query parameters or another method" });
  if (t.bodyTemplate && /^\s*[[{]/.test(t.bodyTemplate)) {
    // A JSON template must be JSON once every placeholder holds a value.
    const sample = t.bodyTemplate.replace(/\{\{[^}]*\}\}/g, "0");
    try {
      JSON.parse(sample);
    } catch {
      details.push({ path: "bodyTemplate", message: "is not valid JSON (placeholders may stand for values or sit inside strings)" });
    }
  }
  if (details.length) throw errors.validation("The tool is not valid", details);
}

export async function listTools(ctx: Ctx) {
  return { data: (await listToolRows(ctx.orgId)).map(toolDto) };
}

export async function createTool(ctx: Ctx, input: ToolInput & { name: string; description: string; url: string }) {
  const values = {
    name: input.name,
    description: input.description,
    method: input.method ?? "GET",
    url: input.url,
    connectionId: input.connectionId ?? null,
    headers: input.headers ?? {},
    query: input.query ?? {},
    bodyTemplate: input.bodyTemplate ?? null,
    parameters: input.parameters ?? [],
    responsePath: input.responsePath ?? null,
    timeoutMs: input.timeoutMs ?? 10_000,
    isActive: input.isActive ?? true,
    availableToAgents: input.availableToAgents ?? false,
    createdById: ctx.user?.id ?? null,
  };
  await assertValidTool(ctx.orgId, values);
  const row = await uniqueName("tool", input.name, () => insertTool(ctx.orgId, values));
  await audit(ctx, "tool.created", { type: "tool", id: row.id }, { name: row.name, method: row.method, connectionId: row.connectionId });
  emit("bot.changed", { orgId: ctx.orgId, resource: "tool", id: row.id });
  return toolDto(row);
}

export async function updateTool(ctx: Ctx, id: number, input: ToolInput) {
  const current = await loadTool(ctx, id);
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as ToolInput;
  await assertValidTool(ctx.orgId, { ...current, ...patch } as ToolShape);
  const row = await uniqueName("tool", patch.name, () => updateToolRow(ctx.orgId, id, patch as Partial<BotToolRow>));
  if (!row) throw errors.notFound("Tool");
  await audit(ctx, "tool.updated", { type: "tool", id }, { name: row.name, fields: Object.keys(patch).sort() });
  emit("bot.changed", { orgId: ctx.orgId, resource: "tool", id });
  return toolDto(row);
}

export async function deleteTool(ctx: Ctx, id: number) {
  await getDb().transaction(async (tx) => {
    const row = await deleteToolRow(ctx.orgId, id, tx);
    if (!row) throw errors.notFound("Tool");
    await audit(ctx, "tool.deleted", { type: "tool", id }, { name: row.name }, tx);
  });
  emit("bot.changed", { orgId: ctx.orgId, resource: "tool", id });
}

export async function testTool(ctx: Ctx, id: number, params: Record<string, unknown>): Promise<ToolRunDto> {
  return runTool(ctx.orgId, await loadTool(ctx, id), params);
}

/** The parameters a tool needs that the given values leave empty. */
export const missingRequired = (tool: Pick<BotToolRow, "parameters">, values: Record<string, unknown>) =>
  tool.parameters.filter((p) => p.required && (values[p.name] === undefined || values[p.name] === null || values[p.name] === "")).map((p) => p.name);

