import { z } from "zod";
import { defineContract } from "../contract";

const tags = ["System"] as const;

export const health = defineContract({
  method: "GET",
  path: "/health",
  summary: "Health check (liveness: the process answers)",
  tags,
  access: "public",
  response: z.object({ status: z.literal("ok"), time: z.string() }),
});

export const ready = defineContract({
  method: "GET",
  path: "/ready",
  summary: "Readiness check (verifies the database and the job queue)",
  tags,
  access: "public",
  response: z.object({
    status: z.enum(["ready", "not_ready"]),
    checks: z.object({ database: z.enum(["ok", "error"]), jobs: z.enum(["ok", "error"]) }),
  }),
});

export const openapi = defineContract({
  method: "GET",
  path: "/openapi.json",
  summary: "This API's OpenAPI 3.1 document (generated from the contracts)",
  tags,
  access: "public",
  response: z.record(z.string(), z.unknown()),
});
