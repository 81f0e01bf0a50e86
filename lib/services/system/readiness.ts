import { jobSchemaInstalled, pingDatabase } from "@/db/queries/system";
import { jsonResponse } from "@/lib/api/route";

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms))]);

export async function checkReadiness() {
  const database = await withTimeout(pingDatabase(), 2000).then(() => "ok" as const, () => "error" as const);
  const jobs =
    database === "ok"
      ? await withTimeout(jobSchemaInstalled(), 2000).then((ok) => (ok ? ("ok" as const) : ("error" as const)), () => "error" as const)
      : ("error" as const);
  const ready = database === "ok" && jobs === "ok";
  const body = { status: ready ? ("ready" as const) : ("not_ready" as const), checks: { database, jobs } };
  // Load balancers read the status code, people read the body.
  return ready ? body : jsonResponse(body, 503);
}
