import { performance } from "node:perf_hooks";
import type { TraceStep } from "@/db/schema";

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
