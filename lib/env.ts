import { z } from "zod";

/**
 * Every environment variable the product reads, validated once. The launcher (scripts/cx.ts) fills in the embedded
 * defaults (database, realtime, secrets) before the app starts, so a fresh clone needs no configuration.
 */
const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_URL: z.string().url().default("http://localhost:3000"),
  DATA_DIR: z.string().default(".data"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),

  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (the launcher sets it to the embedded server)"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  /** 32 bytes, hex (64 chars) or base64. */
  ENCRYPTION_KEY: z.string().min(32),

  PUSHER_APP_ID: optional,
  PUSHER_KEY: optional,
  PUSHER_SECRET: optional,
  PUSHER_HOST: optional,
  PUSHER_PORT: optional,
  PUSHER_CLUSTER: optional,
  PUSHER_USE_TLS: optional,
  /** Where browsers reach the realtime server when it differs from PUSHER_HOST (e.g. behind a proxy). */
  PUSHER_PUBLIC_HOST: optional,
  PUSHER_PUBLIC_PORT: optional,

  SMTP_URL: optional,
  MAIL_FROM: z.string().default("CX Inbox <no-reply@cx-inbox.local>"),

  S3_ENDPOINT: optional,
  S3_REGION: z.string().default("us-east-1"),
  S3_BUCKET: optional,
  S3_ACCESS_KEY_ID: optional,
  S3_SECRET_ACCESS_KEY: optional,
  S3_FORCE_PATH_STYLE: optional,

  STRIPE_SECRET_KEY: optional,
  STRIPE_WEBHOOK_SECRET: optional,

  /** "in-process" (default) runs the pg-boss workers inside the web process; "off" leaves them to `npm run worker`. */
  WORKERS: z.enum(["in-process", "off"]).default("in-process"),
  /** Allow the dev mailbox in production (it is always on outside production while SMTP_URL is unset). */
  DEV_MAILBOX: optional,
  /** Relax rate limits (tests and benchmarks only). */
  RATE_LIMIT_MULTIPLIER: z.coerce.number().positive().default(1),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change the environment between files; production never calls this. */
export function resetEnvCache() {
  cached = undefined;
}

export const isProduction = () => env().NODE_ENV === "production";
