import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, inject } from "vitest";
import { closeDb } from "@/db/client";
import { stopBoss } from "@/lib/jobs/boss";
import { resetEnvCache } from "@/lib/env";

const base = inject("pgBaseUrl");
const dbName = `t_${process.pid}_${randomBytes(4).toString("hex")}`;
const admin = postgres(`${base}postgres`, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${dbName}" template cx_template`);

Object.assign(process.env, {
  NODE_ENV: "test",
  DATABASE_URL: `${base}${dbName}`,
  AUTH_SECRET: "test-secret-test-secret-test-secret-0123456789",
  ENCRYPTION_KEY: "0".repeat(63) + "1",
  APP_URL: "http://localhost:3000",
  LOG_LEVEL: "error",
  META_APP_SECRET: "test-meta-app-secret-0123456789",
  META_VERIFY_TOKEN: "test-verify-token",
  DATA_DIR: mkdtempSync(path.join(tmpdir(), "cx-test-data-")),
});
for (const k of ["PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET", "SMTP_URL", "S3_BUCKET", "STRIPE_SECRET_KEY"]) delete process.env[k];
resetEnvCache();

afterAll(async () => {
  await stopBoss();
  await closeDb();
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
});
