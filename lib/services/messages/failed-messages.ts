import {
  discardFailed,
  failedStats,
  findFailedByIds,
  findFailedMatching,
  listFailed,
  requeueFailed,
  type FailedFilter,
  type FailedRow,
} from "@/db/queries/outbound";
import type { Ctx } from "@/lib/api/context";
import type { BulkFailedInput, FailedListQuery, FailedMessageDto } from "@/lib/api/contracts/messages";
import { AppError, errors } from "@/lib/api/errors";
import { emit } from "@/lib/events/emit";
import { loadMessageDtos } from "./dto";
import { queueDelivery } from "./send-message";
import { isWindowOpen, windowClosed } from "./window";

/** Failed outbound messages, for the admins who retry or discard them (by hand or in bulk). */

const BULK_ALL_CAP = 1000;

async function failedDtos(orgId: number, rows: FailedRow[]): Promise<FailedMessageDto[]> {
  const base = await loadMessageDtos(
    orgId,
    rows.map((r) => r.message),
  );
  return rows.map((r, i) => ({
    ...base[i],
    retryCount: r.message.retryCount,
    discardedAt: r.message.discardedAt?.toISOString() ?? null,
    conversation: { id: String(r.conversation.id), displayId: r.conversation.displayId, status: r.conversation.status },
    contact: { id: String(r.contact.id), waId: r.contact.waId, name: r.contact.name ?? r.contact.profileName },
  }));
}

export async function listFailedMessages(ctx: Ctx, q: FailedListQuery) {
  const { rows, total } = await listFailed(ctx.orgId, { ...q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { data: await failedDtos(ctx.orgId, rows), page: q.page, limit: q.pageSize, total };
}

export async function failedMessageStats(ctx: Ctx) {
  return failedStats(ctx.orgId);
}

const notFailed = () => new AppError("NOT_FAILED", 422, "Only a failed message that has not been discarded can be retried or discarded");

async function findOne(ctx: Ctx, messageId: number) {
  const [row] = await findFailedByIds(ctx.orgId, [messageId]);
  if (!row) throw errors.notFound("Message");
  return row;
}

/** The rules of one retry: still failed, and for a free-form message the 24-hour window must be open again. */
async function retryRow(row: FailedRow) {
  const m = row.message;
  if (m.status !== "FAILED" || m.discardedAt) throw notFailed();
  if (m.type !== "TEMPLATE" && !isWindowOpen(row.conversation.lastCustomerMessageAt)) throw windowClosed();
  const [requeued] = await requeueFailed(m.orgId, [m.id]);
  if (!requeued) throw notFailed();
  emit("message.updated", { orgId: m.orgId, conversationId: m.conversationId, messageId: m.id, status: "PENDING" });
  return { ...row, message: await queueDelivery(requeued) };
}

export async function retrySend(ctx: Ctx, messageId: number): Promise<FailedMessageDto> {
  const row = await retryRow(await findOne(ctx, messageId));
  return (await failedDtos(ctx.orgId, [row]))[0];
}

export async function discardMessage(ctx: Ctx, messageId: number): Promise<FailedMessageDto> {
  const row = await findOne(ctx, messageId);
  if (row.message.status !== "FAILED") throw notFailed();
  // Discarding twice is harmless: the first discard stands.
  if (!row.message.discardedAt) {
    const [discarded] = await discardFailed(ctx.orgId, [messageId], new Date());
    if (discarded) {
      row.message = discarded;
      emit("message.updated", { orgId: ctx.orgId, conversationId: discarded.conversationId, messageId, status: discarded.status });
    }
  }
  return (await failedDtos(ctx.orgId, [row]))[0];
}

type Failure = { id: string; code: string; message: string };

/** The messages a selection names in this org; ids of other orgs (or unknown ones) simply do not match. */
async function resolveSelection(ctx: Ctx, input: BulkFailedInput): Promise<FailedRow[]> {
  const selection = input.selection ?? { mode: "ids" as const, ids: input.messageIds! };
  if (selection.mode === "ids") return findFailedByIds(ctx.orgId, [...new Set(selection.ids)]);
  const filter: FailedFilter = { ...selection.filters, status: "FAILED", excludeIds: selection.excludeIds };
  return findFailedMatching(ctx.orgId, filter, BULK_ALL_CAP);
}

export async function bulkRetry(ctx: Ctx, input: BulkFailedInput) {
  const rows = await resolveSelection(ctx, input);
  const failed: Failure[] = [];
  for (const row of rows) {
    try {
      await retryRow(row);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      failed.push({ id: String(row.message.id), code: e.code, message: e.message });
    }
  }
  return { matched: rows.length, succeeded: rows.length - failed.length, failed };
}

export async function bulkDiscard(ctx: Ctx, input: BulkFailedInput) {
  const rows = await resolveSelection(ctx, input);
  const failed: Failure[] = [];
  const eligible = rows.filter((r) => {
    if (r.message.status === "FAILED" && !r.message.discardedAt) return true;
    failed.push({ id: String(r.message.id), code: "NOT_FAILED", message: notFailed().message });
    return false;
  });
  const discarded = await discardFailed(
    ctx.orgId,
    eligible.map((r) => r.message.id),
    new Date(),
  );
  const done = new Set(discarded.map((m) => m.id));
  for (const r of eligible) {
    if (!done.has(r.message.id)) failed.push({ id: String(r.message.id), code: "NOT_FAILED", message: notFailed().message });
  }
  for (const m of discarded) emit("message.updated", { orgId: ctx.orgId, conversationId: m.conversationId, messageId: m.id, status: m.status });
  return { matched: rows.length, succeeded: discarded.length, failed };
}
