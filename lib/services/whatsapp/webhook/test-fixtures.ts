/** Builders shared by the webhook tests: accounts, Meta payloads and a way to run one delivery through the pipeline. */
import { settleWakeups } from "./receive";
import { randomBytes } from "node:crypto";
import { insertWebhookEvent } from "@/db/queries/webhook-events";
import type { WhatsappAccountRow } from "@/db/queries/whatsapp-accounts";
import { encryptSecret } from "@/lib/crypto/secrets";
import { getBoss, type QueueName } from "@/lib/jobs/boss";
import { getDb, whatsappAccounts } from "@/lib/testing/db";
import type { WaChange, WaInboundMessage, WaStatus, WaWebhookPayload } from "@/lib/whatsapp/webhook-types";
import { processWebhookEvent } from "./process";

const hex = (n = 6) => randomBytes(n).toString("hex");

export async function createWaAccount(org: { id: number }, values: Partial<typeof whatsappAccounts.$inferInsert> = {}): Promise<WhatsappAccountRow> {
  const [row] = await getDb()
    .insert(whatsappAccounts)
    .values({
      orgId: org.id,
      wabaId: `waba-${hex()}`,
      phoneNumberId: `pn-${hex()}`,
      displayPhoneNumber: "+1 555 010 0000",
      accessTokenEncrypted: encryptSecret(`token-${hex()}`),
      ...values,
    })
    .returning();
  return row;
}

export const wamid = () => `wamid.${hex(12)}`;
export const unixNow = (offsetSeconds = 0) => String(Math.floor(Date.now() / 1000) + offsetSeconds);

export const inbound = (from: string, type: string, fields: Partial<WaInboundMessage> = {}): WaInboundMessage => ({
  from,
  id: wamid(),
  timestamp: unixNow(),
  type,
  ...fields,
});

export const text = (from: string, body: string, fields: Partial<WaInboundMessage> = {}) => inbound(from, "text", { text: { body }, ...fields });

export function payload(wabaId: string, changes: WaChange[]): WaWebhookPayload {
  return { object: "whatsapp_business_account", entry: [{ id: wabaId, changes }] };
}

export function messagesChange(
  account: Pick<WhatsappAccountRow, "phoneNumberId" | "displayPhoneNumber">,
  parts: { messages?: WaInboundMessage[]; statuses?: WaStatus[]; names?: Record<string, string> },
): WaChange {
  const senders = [...new Set((parts.messages ?? []).map((m) => m.from))];
  return {
    field: "messages",
    value: {
      messaging_product: "whatsapp",
      metadata: { display_phone_number: account.displayPhoneNumber ?? "", phone_number_id: account.phoneNumberId },
      ...(senders.length ? { contacts: senders.map((wa_id) => ({ wa_id, profile: { name: parts.names?.[wa_id] ?? `Customer ${wa_id.slice(-4)}` } })) } : {}),
      ...(parts.messages ? { messages: parts.messages } : {}),
      ...(parts.statuses ? { statuses: parts.statuses } : {}),
    },
  };
}

export const status = (id: string, s: WaStatus["status"], fields: Partial<WaStatus> = {}): WaStatus => ({
  id,
  status: s,
  timestamp: unixNow(),
  recipient_id: "5215550000000",
  ...fields,
});

/** Stores a delivery as the webhook route would and runs the worker on it; returns the event id. */
export async function deliver(body: unknown, run = true): Promise<number> {
  const id = await insertWebhookEvent(JSON.stringify(body), "PENDING");
  if (run) await processWebhookEvent(id);
  return id;
}

export const deliverMessages = (account: WhatsappAccountRow, parts: Parameters<typeof messagesChange>[1]) =>
  deliver(payload(account.wabaId, [messagesChange(account, parts)]));

/** Jobs waiting in a queue (taken off it, so each test sees only what it queued since the last call). */
export async function takeJobs<T>(name: QueueName): Promise<T[]> {
  if (name === "whatsapp.webhook") await settleWakeups();
  const jobs = await (await getBoss()).fetch<T>(name, { batchSize: 1000 });
  return jobs.map((j) => j.data);
}

export const customer = () => `521${Math.floor(1e9 + Math.random() * 9e9)}`;
