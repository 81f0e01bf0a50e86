import { performance } from "node:perf_hooks";
import type { BotToolRow } from "@/db/queries/bot-tools";
import type { TraceStep, TraceToolCall } from "@/db/schema";
import type { ToolRunDto } from "@/lib/api/contracts/bot-schemas";
import { toolResultText } from "@/lib/services/bot/tools/run-tool";

const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * The steps of one turn with their timings, in order. What goes in `detail` is ours (names, scores, counts, reasons):
 * never keys, connection secrets or raw provider errors with headers.
 */
export class TurnTimer {
  readonly steps: TraceStep[] = [];
  private readonly started = performance.now();

  async step<T>(type: TraceStep["type"], name: string, fn: () => Promise<T> | T, detail?: (result: T) => Record<string, unknown> | undefined): Promise<T> {
    const t0 = performance.now();
    try {
      const result = await fn();
      this.add(type, name, performance.now() - t0, detail?.(result));
      return result;
    } catch (error) {
      this.add(type, name, performance.now() - t0, { error: errorText(error) });
      throw error;
    }
  }

  add(type: TraceStep["type"], name: string, ms: number, detail?: Record<string, unknown>) {
    this.steps.push({ type, name, ms: round(ms), ...(detail ? { detail } : {}) });
  }

  elapsed() {
    return Math.round(performance.now() - this.started);
  }
}

/** An error as one short line for traces and logs (messages only: SDK errors can carry request headers elsewhere). */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/(sk|key|token|bearer)[-_ ]?[A-Za-z0-9_-]{8,}/gi, "$1-***").slice(0, 300);
}

/** Characters of a tool result kept in the trace. */
const TRACE_RESULT_CHARS = 1000;

/** A tool run as the trace records it, and its result as text (what the reply or the model gets). */
export function traceToolCall(tool: BotToolRow, params: Record<string, unknown>, run: ToolRunDto): { call: TraceToolCall; resultText: string | undefined } {
  const resultText = run.result === null || run.result === undefined ? undefined : toolResultText(run.result);
  const call: TraceToolCall = {
    toolId: String(tool.id),
    name: tool.name,
    params,
    ok: run.ok,
    ...(run.status !== null ? { status: run.status } : {}),
    ms: run.ms,
    ...(resultText ? { result: resultText.slice(0, TRACE_RESULT_CHARS) } : {}),
    ...(run.error ? { error: run.error } : {}),
  };
  return { call, resultText };
}
