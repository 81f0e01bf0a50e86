import { log } from "@/lib/log";
import { DRAIN_KEY } from "@/lib/services/whatsapp/webhook/drain";
import { CONCURRENCY, getBoss, QUEUES, stopBoss, type QueueName } from "./boss";
import { HANDLERS } from "./handlers";

/** Starts a worker for every queue. Used in-process by the launcher, or alone by `npm run worker`. */
export async function startWorkers() {
  const boss = await getBoss({ worker: true });
  for (const name of Object.keys(QUEUES) as QueueName[]) {
    // batchSize 1: a failed job is retried alone; a batch would retry (and re-send) its neighbours too.
    const options = { pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 5, batchSize: 1, localConcurrency: CONCURRENCY[name] };
    await boss.work(name, options, async (jobs) => {
      for (const job of jobs) {
        try {
          await HANDLERS[name](job.data as never);
        } catch (error) {
          log.warn("job failed", { queue: name, jobId: job.id, error });
          throw error;
        }
      }
    });
  }
  // The webhook drain's safety net: what a lost wake-up left PENDING is drained now and then every minute.
  await boss.send("whatsapp.webhook", {}, { singletonKey: DRAIN_KEY });
  await boss.schedule("whatsapp.webhook", "* * * * *", {}, { singletonKey: DRAIN_KEY });
  await boss.schedule("maintenance.hourly", "17 * * * *", {});
  return { stop: stopBoss };
}
