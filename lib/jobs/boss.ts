import { PgBoss, type QueueResult } from "pg-boss";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

/** Every queue the product uses. Workers and producers agree on these names and their retry policy. */
export const QUEUES = {
  "mail.send": { retryLimit: 5, retryDelay: 10, retryBackoff: true, notify: true },
  // One live job per message (singletonKey = message id); 130429/131056 back off: ~5 s, 10 s, 20 s… six times.
  "whatsapp.send": { retryLimit: 6, retryDelay: 5, retryBackoff: true, policy: "exclusive", notify: true },
  // Wake-ups of the webhook drain ("short": at most one waiting per key) and retries of failed events; the work is
  // idempotent. Media downloads give up (media FAILED) after the last retry.
  "whatsapp.webhook": { retryLimit: 5, retryDelay: 5, retryBackoff: true, policy: "short", notify: true },
  "whatsapp.media": { retryLimit: 5, retryDelay: 10, retryBackoff: true, notify: true },
  "maintenance.hourly": { retryLimit: 2, retryDelay: 60, policy: "short" },
  // One bot turn at a time per conversation (singletonKey = conversation id); a burst queued meanwhile is answered once.
  "bot.reply": { retryLimit: 2, retryDelay: 10, retryBackoff: true, policy: "stately", notify: true },
  // Knowledge documents: extraction + embeddings; one at a time keeps memory and provider rate limits in check.
  "bot.ingest": { retryLimit: 2, retryDelay: 30, retryBackoff: true, notify: true },
} as const;
export type QueueName = keyof typeof QUEUES;

/** Jobs a worker process runs at once per queue (each job on its own, so one failure never retries its neighbours). */
export const CONCURRENCY: Record<QueueName, number> = { "mail.send": 2, "whatsapp.send": 4, "whatsapp.webhook": 1, "whatsapp.media": 2, "maintenance.hourly": 1, "bot.reply": 2, "bot.ingest": 1 };

type Holder = { boss?: Promise<PgBoss>; url?: string };
const holder: Holder = ((globalThis as { __cxBoss?: Holder }).__cxBoss ??= {});

async function create(url: string, worker: boolean): Promise<PgBoss> {
  // Producers (the web process) leave maintenance and scheduling to the worker process.
  // Workers LISTEN for new jobs (notify queues) so a webhook is processed right away instead of at the next poll.
  const boss = new PgBoss({ connectionString: url, max: worker ? 16 : 2, supervise: worker, schedule: worker, useListenNotify: worker });
  boss.on("error", (error) => {
    // 57P01: the database is shutting down (Ctrl-C stops it alongside us); not worth an error line.
    if ((error as { code?: string }).code !== "57P01") log.error("job queue error", { error });
  });
  await boss.start();
  // Every process does this before its first job or enqueue: one read of all the queues, writes only where needed.
  const existing = new Map((await boss.getQueues(Object.keys(QUEUES))).map((q) => [q.name, q]));
  for (const [name, options] of Object.entries(QUEUES)) await ensureQueue(boss, name, options, existing.get(name), worker);
  return boss;
}

/**
 * Creates a queue, or brings one made by an older release up to date. pg-boss cannot change a queue's policy in
 * place, so an idle queue whose policy differs is recreated; one with jobs keeps its policy until it drains.
 */
async function ensureQueue(boss: PgBoss, name: string, options: (typeof QUEUES)[QueueName], existing: QueueResult | undefined, worker: boolean) {
  if (!existing) return boss.createQueue(name, options);
  if (!worker) return;
  const { policy = "standard", ...updatable } = options as typeof options & { policy?: string };
  if ((existing.policy ?? "standard") !== policy) {
    if (existing.queuedCount + existing.activeCount === 0) {
      await boss.deleteQueue(name);
      return boss.createQueue(name, options);
    }
    log.warn("queue keeps its old policy until its jobs are done", { queue: name, policy: existing.policy, wanted: policy });
  }
  const changed = Object.entries(updatable).some(([key, value]) => existing[key as keyof QueueResult] !== value);
  if (changed) await boss.updateQueue(name, updatable);
}

export function getBoss(opts: { worker?: boolean } = {}): Promise<PgBoss> {
  const url = env().DATABASE_URL;
  if (!holder.boss || holder.url !== url) {
    holder.url = url;
    holder.boss = create(url, opts.worker ?? false).catch((e) => {
      holder.boss = undefined;
      throw e;
    });
  }
  return holder.boss;
}

export async function enqueue<T extends object>(name: QueueName, data: T, options?: { singletonKey?: string; startAfter?: number }) {
  const boss = await getBoss();
  return boss.send(name, data, options);
}

export async function stopBoss() {
  const boss = await holder.boss?.catch(() => undefined);
  holder.boss = undefined;
  await boss?.stop({ graceful: true, timeout: 10_000 });
}
