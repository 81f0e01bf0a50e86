import type { ThreadMessage } from "@/lib/client/thread";

/** Reactions per target message: the customer's and ours (the latest of each side wins; "" removed it). */
export type Reactions = Map<string, { customer: string | null; business: string | null }>;

const str = (v: unknown) => (typeof v === "string" ? v : null);

/** The id of the message a reaction is about, when the server could resolve it (replyTo, or our own targetMessageId). */
export function reactionTarget(m: ThreadMessage): string | null {
  return m.replyTo?.id ?? str(m.content?.targetMessageId);
}

function reactionEmoji(m: ThreadMessage): string {
  const c = m.content ?? {};
  const nested = c.reaction && typeof c.reaction === "object" ? str((c.reaction as Record<string, unknown>).emoji) : null;
  return nested ?? str(c.emoji) ?? m.body ?? "";
}

export type ThreadRow =
  | { kind: "day"; key: string; date: Date }
  | { kind: "message"; key: string; message: ThreadMessage }
  | { kind: "orphan-reaction"; key: string; message: ThreadMessage; emoji: string };

const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;

/**
 * What the list draws, in order: day separators, then messages; reactions are folded into their target's bubble
 * (a reaction whose target is not loaded or unknown is shown as a small row of its own).
 */
export function buildRows(messages: ThreadMessage[]): { rows: ThreadRow[]; reactions: Reactions } {
  const ids = new Set(messages.map((m) => m.id));
  const reactions: Reactions = new Map();
  const rows: ThreadRow[] = [];
  let lastDay = "";
  for (const m of messages) {
    const date = new Date(m.createdAt);
    const day = dayKey(date);
    if (m.type === "REACTION") {
      const target = reactionTarget(m);
      const emoji = reactionEmoji(m);
      if (target && ids.has(target)) {
        const entry = reactions.get(target) ?? { customer: null, business: null };
        entry[m.direction === "INBOUND" ? "customer" : "business"] = emoji || null;
        reactions.set(target, entry);
        continue;
      }
      if (!emoji) continue;
      if (day !== lastDay) rows.push({ kind: "day", key: `day-${day}`, date });
      lastDay = day;
      rows.push({ kind: "orphan-reaction", key: m.id, message: m, emoji });
      continue;
    }
    if (day !== lastDay) rows.push({ kind: "day", key: `day-${day}`, date });
    lastDay = day;
    rows.push({ kind: "message", key: m.local?.tempId ?? m.id, message: m });
  }
  return { rows, reactions };
}

export const isSystem = (m: ThreadMessage) => m.type === "SYSTEM" || m.senderType === "SYSTEM";

/** Text as a customer-visible preview (quotes, reply previews): body, caption or the type's name. */
export function previewOf(m: Pick<ThreadMessage, "body" | "media" | "type">): string | null {
  return m.body ?? m.media?.caption ?? m.media?.filename ?? null;
}
