import { afterAll, beforeAll } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { startGraphSimulator, type GraphSimulatorServer, type StartOptions } from "@/lib/whatsapp/simulator/server";

/**
 * Starts the Graph simulator for this test file and points both real and sandbox numbers at it.
 * Returns a holder whose `sim` is set once the file's tests run.
 */
export function withGraphDouble(options: StartOptions = {}) {
  const holder = {} as { sim: GraphSimulatorServer };
  beforeAll(async () => {
    holder.sim = await startGraphSimulator(options);
    process.env.META_GRAPH_URL = holder.sim.url;
    process.env.SANDBOX_GRAPH_URL = holder.sim.url;
    resetEnvCache();
  });
  afterAll(async () => {
    await holder.sim.close();
    delete process.env.META_GRAPH_URL;
    delete process.env.SANDBOX_GRAPH_URL;
    delete process.env.META_APP_ID;
    resetEnvCache();
  });
  return holder;
}
