"use client";

import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { api } from "@/lib/client/api";
import { findCachedConversation, type Conversation } from "@/lib/client/conversation-cache";
import { useMe } from "@/lib/client/me";
import { useUserNotificationEvents } from "@/lib/client/notifications";
import { useRealtimeEvent } from "@/lib/realtime/use-realtime";
import { playChime, showDesktopNotification } from "./alerts";

const inboxHref = (conversationId: string | null) => (conversationId ? `/inbox?c=${conversationId}` : "/inbox");

/**
 * App-wide (mounted with the bell): a chime, and a desktop notification when the tab is in the background, for new
 * ASSIGNED and MENTION notifications and for customer messages on conversations assigned to the caller.
 */
export function useInboxAlerts() {
  const t = useTranslations("inbox.alerts");
  const me = useMe();
  const qc = useQueryClient();
  const router = useRouter();
  const userId = me.user?.id;
  const canRead = me.permissions.includes("conversations.read");

  useUserNotificationEvents(userId, (e) => {
    if (e.type !== "ASSIGNED" && e.type !== "MENTION") return;
    playChime();
    showDesktopNotification(t(`title.${e.type}`), t("openHint"), `notification-${e.notificationId}`, () => router.push(inboxHref(e.conversationId)));
  });

  useRealtimeEvent<{ conversationId?: string; direction?: string }>("message.created", (e) => {
    if (!canRead || !userId || e.direction !== "INBOUND" || !e.conversationId) return;
    const id = e.conversationId;
    // A cached row that is someone else's settles it without a request; otherwise the fresh row gives the preview.
    const cached = findCachedConversation(qc, id);
    if (cached && cached.assignee?.id !== userId) return;
    void api<Conversation>(`/conversations/${id}`)
      .then((c) => {
        if (c.assignee?.id !== userId) return;
        playChime();
        const name = c.contact.name ?? c.contact.profileName ?? c.contact.waId;
        showDesktopNotification(t("newMessage", { name }), c.lastMessagePreview ?? "", `conversation-${id}`, () => router.push(inboxHref(id)));
      })
      .catch(() => undefined);
  });
}
