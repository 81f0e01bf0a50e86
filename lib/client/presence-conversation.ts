"use client";

import { useCallback, useContext, useEffect, useRef, useState } from "react";
import type { PresenceChannel } from "pusher-js";
import { RealtimeContext } from "@/components/providers/realtime-provider";

export type Viewer = { id: string; name: string; avatarUrl: string | null };
type Member = { id: string; info?: { name?: string; avatarUrl?: string | null } };
type TypingEvent = { userId: string; name: string; typing: boolean };

/** A typing flag with no news for this long is dropped: the other tab may have closed mid-sentence. */
const TYPING_TTL_MS = 6_000;
/** Re-announce "still typing" at most this often; the TTL above covers the gaps. */
const TYPING_EVERY_MS = 3_000;

/**
 * Collision detection on `presence-conversation-{id}`: who else has this conversation open, and which of them is
 * typing (the `client-typing` client event, agent to agent; the server never sees it).
 */
export function useConversationPresence(conversationId: string, me: { id: string; name: string }) {
  const { pusher } = useContext(RealtimeContext);
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const [typing, setTyping] = useState<Record<string, { name: string; at: number }>>({});
  const channelRef = useRef<PresenceChannel | null>(null);
  const lastSent = useRef({ at: 0, typing: false });

  useEffect(() => {
    if (!pusher) return;
    const name = `presence-conversation-${conversationId}`;
    const channel = pusher.subscribe(name) as PresenceChannel;
    channelRef.current = channel;
    const sync = () => {
      const list: Viewer[] = [];
      channel.members.each((m: Member) => {
        if (m.id !== me.id) list.push({ id: m.id, name: m.info?.name ?? "?", avatarUrl: m.info?.avatarUrl ?? null });
      });
      setViewers(list);
    };
    const onTyping = (e: TypingEvent) => {
      if (!e?.userId || e.userId === me.id) return;
      setTyping((prev) => {
        const next = { ...prev };
        if (e.typing) next[e.userId] = { name: e.name, at: Date.now() };
        else delete next[e.userId];
        return next;
      });
    };
    const onLeave = (m: Member) => {
      sync();
      setTyping((prev) => {
        if (!prev[m.id]) return prev;
        const next = { ...prev };
        delete next[m.id];
        return next;
      });
    };
    channel.bind("pusher:subscription_succeeded", sync);
    channel.bind("pusher:member_added", sync);
    channel.bind("pusher:member_removed", onLeave);
    channel.bind("client-typing", onTyping);
    return () => {
      channel.unbind_all();
      pusher.unsubscribe(name);
      channelRef.current = null;
      setViewers([]);
      setTyping({});
    };
  }, [pusher, conversationId, me.id]);

  // Expire typing flags whose sender went quiet without saying so.
  const anyTyping = Object.keys(typing).length > 0;
  useEffect(() => {
    if (!anyTyping) return;
    const timer = setInterval(() => {
      const now = Date.now();
      setTyping((prev) => {
        const stale = Object.entries(prev).filter(([, v]) => now - v.at > TYPING_TTL_MS);
        if (!stale.length) return prev;
        const next = { ...prev };
        for (const [id] of stale) delete next[id];
        return next;
      });
    }, 1_000);
    return () => clearInterval(timer);
  }, [anyTyping]);

  /** Tells the other viewers we are (or stopped) typing; throttled, and silent when nobody else is here. */
  const announceTyping = useCallback(
    (isTyping: boolean) => {
      const channel = channelRef.current;
      if (!channel?.subscribed || channel.members.count < 2) return;
      const now = Date.now();
      if (isTyping && lastSent.current.typing && now - lastSent.current.at < TYPING_EVERY_MS) return;
      if (!isTyping && !lastSent.current.typing) return;
      lastSent.current = { at: now, typing: isTyping };
      channel.trigger("client-typing", { userId: me.id, name: me.name, typing: isTyping } satisfies TypingEvent);
    },
    [me.id, me.name],
  );

  const typingNames = Object.values(typing).map((v) => v.name);
  return { viewers, typingNames, announceTyping };
}
