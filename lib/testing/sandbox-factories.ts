import { randomInt } from "node:crypto";
import { upsertSimulatedContact } from "@/db/queries/sandbox";

/** A simulated customer (contact with isSimulated) of the org, as the sandbox page creates them. */
export async function createSimulatedContact(org: { id: number }, values: { name?: string; waId?: string } = {}) {
  const waId = values.waId ?? `52155${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
  return upsertSimulatedContact(org.id, waId, values.name ?? "Sim Customer");
}
