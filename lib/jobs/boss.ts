import { PgBoss } from "pg-boss";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

/** Every queue the product uses. Workers and producers agree on these names and their retry policy. */
export const QUEUES = {
  "mail.send": { retryLimit: 5, retryDelay: 10, retryBackoff: true },
} as const;
export type QueueName = keyof typeof QUEUES;

type Holder = { boss?: Promise<PgBoss>; url?: string };
const holder: Holder = ((globalThis as { __cxBoss?: Holder }).__cxBoss ??= {});

async function create(url: string, worker: boolean): Promise<PgBoss> {
  // Producers (the web process) leave maintenance and scheduling to the worker process.
  const boss = new PgBoss({ connectionString: url, max: worker ? 5 : 2, supervise: worker, schedule: worker });
  boss.on("error", (error) => {
    // 57P01: the database is shutting down (Ctrl-C stops it alongside us); not worth an error line.
    if ((error as { code?: string }).code !== "57P01") log.error("job queue error", { error });
  });
  await boss.start();
  for (const [name, options] of Object.entries(QUEUES)) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
  }
  return boss;
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
