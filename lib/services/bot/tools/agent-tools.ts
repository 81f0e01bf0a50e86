import { generateText, Output } from "ai";
import { z } from "zod";
import { recentThread } from "@/db/queries/bot-engine";
import { findTool, listTools, type BotToolRow } from "@/db/queries/bot-tools";
import type { ToolParameter } from "@/db/schema";
import { languageModel } from "@/lib/ai/providers";
import type { Ctx } from "@/lib/api/context";
import type { ToolRunDto } from "@/lib/api/contracts/bot-schemas";
import { AppError, errors } from "@/lib/api/errors";
import { log } from "@/lib/log";
import { audit } from "@/lib/services/audit";
import { providerOf } from "@/lib/services/bot/provider";
import { loadVisibleConversation } from "@/lib/services/conversations/access";
import { addNote } from "@/lib/services/messages/notes";
import { coerce, type ParamValues } from "./placeholders";
import { runTool, toolResultText } from "./run-tool";
import { missingRequired, toolDto } from "./tools";
import { transcriptOf } from "./transcript";

/** Messages of the conversation the model reads to fill parameters. */
const THREAD_MESSAGES = 20;
const NOTE_RESULT_CHARS = 500;

export const noProvider = () => errors.notConfigured("AI provider", "Configure an AI provider in Bot settings");

export async function listAgentTools(ctx: Ctx) {
  return { data: (await listTools(ctx.orgId, { agentsOnly: true })).map(toolDto) };
}

/** Agents reach only the active tools the admins offered them; any other is a missing one. */
async function loadAgentTool(ctx: Ctx, id: number): Promise<BotToolRow> {
  const tool = await findTool(ctx.orgId, id);
  if (!tool || !tool.isActive || !tool.availableToAgents) throw errors.notFound("Tool");
  return tool;
}

function paramSchema(p: ToolParameter) {
  // Lenient on purpose (coerced and checked afterwards): one "true" for true or one value out of an enum would
  // otherwise fail the whole answer. Every key present and nullable: strict JSON-schema providers refuse optional keys.
  const base = p.type === "number" ? z.union([z.number(), z.string()]) : p.type === "boolean" ? z.union([z.boolean(), z.string()]) : z.string();
  const allowed = p.enum?.length ? ` One of: ${p.enum.join(", ")}.` : "";
  return base.nullable().describe(`${p.description ?? p.name}.${allowed} null when the conversation does not tell.`);
}

/**
 * Asks the org's model to fill the tool's parameters from the last messages of a conversation the caller can see.
 * Values are checked against the declared types; `missing` names the required ones still empty.
 */
export async function extractToolParams(ctx: Ctx, input: { toolId: number; conversationId: number }) {
  const tool = await loadAgentTool(ctx, input.toolId);
  const conversation = await loadVisibleConversation(ctx, input.conversationId);
  const provider = await providerOf(ctx.orgId);
  if (!provider) throw noProvider();
  if (!tool.parameters.length) return { params: {}, missing: [] };

  const thread = (await recentThread(ctx.orgId, conversation.id, THREAD_MESSAGES)).reverse();
  const schema = z.object(Object.fromEntries(tool.parameters.map((p) => [p.name, paramSchema(p)])));
  let output: Record<string, unknown>;
  try {
    ({ output } = await generateText({
      model: languageModel(provider),
      output: Output.object({ schema }),
      system:
        "You extract the arguments of a function call from a customer-service conversation. Use only what the conversation " +
        "says; never invent values. Answer null for anything the conversation does not tell.",
      prompt: `Function: ${tool.name} — ${tool.description}\n\nConversation:\n${transcriptOf(thread) || "(no messages)"}`,
      maxOutputTokens: 400,
      maxRetries: 1,
    }));
  } catch (error) {
    log.warn("agent tool parameter extraction failed", { orgId: ctx.orgId, toolId: tool.id, error });
    throw new AppError("AI_FAILED", 502, "The AI provider could not extract the parameters; fill them in by hand");
  }
  const params: ParamValues = {};
  for (const p of tool.parameters) {
    const v = output?.[p.name] === null || output?.[p.name] === undefined ? undefined : coerce(p.type, output[p.name]);
    if (v !== undefined && v !== "" && (!p.enum?.length || p.enum.includes(String(v)))) params[p.name] = v;
  }
  return { params, missing: missingRequired(tool, params) };
}

/** An agent runs a tool by hand: audited, and noted privately in the conversation it was run for. */
export async function executeAgentTool(ctx: Ctx, input: { toolId: number; params: Record<string, unknown>; conversationId?: number }): Promise<ToolRunDto> {
  const tool = await loadAgentTool(ctx, input.toolId);
  if (input.conversationId !== undefined) await loadVisibleConversation(ctx, input.conversationId);
  const run = await runTool(ctx.orgId, tool, input.params, { conversationId: input.conversationId });
  // Parameter names only: their values may be a customer's personal data.
  await audit(ctx, "tool.executed", { type: "tool", id: tool.id }, { name: tool.name, ok: run.ok, status: run.status, ms: run.ms, conversationId: input.conversationId, params: Object.keys(input.params) });
  if (input.conversationId !== undefined) {
    const detail = run.ok ? toolResultText(run.result) : (run.error ?? "failed");
    const short = detail.length > NOTE_RESULT_CHARS ? `${detail.slice(0, NOTE_RESULT_CHARS)}…` : detail;
    try {
      await addNote(ctx, input.conversationId, { body: `🔧 ${tool.name} ${run.ok ? "✓" : "✗"}${run.status ? ` (HTTP ${run.status})` : ""}\n${short}` });
    } catch (error) {
      log.warn("could not add the tool note", { orgId: ctx.orgId, toolId: tool.id, error });
    }
  }
  return run;
}
