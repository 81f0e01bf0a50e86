import { log } from "@/lib/log";
import { getBoss, QUEUES, stopBoss, type QueueName } from "./boss";
import { HANDLERS } from "./handlers";

/** Starts a worker for every queue. Used in-process by the launcher, or alone by `npm run worker`. */
export async function startWorkers() {
  const boss = await getBoss({ worker: true });
  for (const name of Object.keys(QUEUES) as QueueName[]) {
    await boss.work(name, { pollingIntervalSeconds: 0.5, batchSize: 5 }, async (jobs) => {
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
  return { stop: stopBoss };
}
