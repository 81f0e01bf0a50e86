import { signPayload } from "@/lib/whatsapp/signature";
import type { WaWebhookPayload } from "@/lib/whatsapp/webhook-types";

export type DeliverHook = (payload: WaWebhookPayload, signature: string, raw: string) => Promise<void> | void;

/** POSTs a signed delivery to a webhook URL like Meta does; a non-2xx answer throws so the delivery is retried. */
export function postTo(url: string): DeliverHook {
  return async (_payload, signature, raw) => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signature, "user-agent": "facebookexternalua" },
      body: raw,
      signal: AbortSignal.timeout(15_000),
    });
    if (!res.ok) throw new Error(`webhook answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  };
}

/** A timer that close() can cut short, so nothing awaits a sleep that will never end. */
const sleep = (ms: number, timers: Map<NodeJS.Timeout, () => void>) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(() => {
      timers.delete(t);
      resolve();
    }, ms);
    timers.set(t, resolve);
  });

/**
 * Signs and hands payloads to the delivery hook. Sequences (sent → delivered → read) run one step after the other, so
 * each step is delivered only after the previous one was acknowledged: the order the tests assert is the order sent.
 * Failed deliveries are retried a few times, as Meta does; timers are in-process (the sandbox is a stand-in for an
 * external service, and a lost callback after a restart is what Meta's at-least-once delivery would also allow).
 */
export class Deliverer {
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly appSecret: string,
    private readonly hook: DeliverHook,
    private readonly retryDelays: number[] = [250, 1000, 3000],
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Delivers once now (with retries); resolves when acknowledged, rejects when every attempt failed. */
  async deliver(payload: WaWebhookPayload, retries = this.retryDelays.length): Promise<void> {
    const raw = JSON.stringify(payload);
    const signature = signPayload(raw, this.appSecret);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.hook(payload, signature, raw);
      } catch (e) {
        if (this.closed || attempt >= Math.min(retries, this.retryDelays.length)) throw e;
        await sleep(this.retryDelays[attempt], this.timers);
      }
    }
  }

  /** Runs `steps` in order, each at `at` ms after now (or right after the previous step, if that took longer). */
  schedule(steps: { at: number; payload: () => WaWebhookPayload }[]) {
    const start = Date.now();
    const run = (async () => {
      for (const step of steps) {
        const wait = step.at - (Date.now() - start);
        if (wait > 0) await sleep(wait, this.timers);
        if (this.closed) return;
        try {
          await this.deliver(step.payload());
        } catch (e) {
          this.onError(e);
          return;
        }
      }
    })().finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Resolves when every scheduled delivery has run (tests await it instead of sleeping). */
  async idle() {
    while (this.running.size) await Promise.all([...this.running]);
  }

  close() {
    this.closed = true;
    for (const [t, resolve] of this.timers) {
      clearTimeout(t);
      resolve();
    }
    this.timers.clear();
  }
}

/**
 * Hands deliveries straight to a route handler (e.g. the webhook route's POST) without a server: what tests use when
 * the product under test is not listening on a port.
 */
export function toHandler(handler: (req: Request) => Promise<Response>, url = "http://localhost:3000/api/webhooks/whatsapp"): DeliverHook {
  return async (_payload, signature, raw) => {
    const res = await handler(
      new Request(url, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": signature }, body: raw }),
    );
    if (!res.ok) throw new Error(`webhook answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  };
}
