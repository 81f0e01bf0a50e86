"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorState } from "@/components/common/error-state";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/sonner";
import { useConversation, useConversationAction, type Conversation } from "@/lib/client/conversations";
import { useCan, useMe } from "@/lib/client/me";
import { useConversationPresence } from "@/lib/client/presence-conversation";
import { useReact, useRetrySend, useSendMessage, useThreadLiveUpdates, useThreadMessages, useToggleHide, useTypingPing, type ThreadMessage } from "@/lib/client/thread";
import { useUsers } from "@/lib/client/users";
import { Composer } from "./composer/composer";
import type { ComposerMode } from "./composer/use-draft";
import { HandoffBanner } from "./handoff-banner";
import type { Person } from "./header-actions";
import type { ThreadHandlers } from "./message-bubble";
import { MessageList, ThreadSkeleton } from "./message-list";
import { ThreadHeader } from "./thread-header";

const CHAT_BG = "bg-[#efeae2] dark:bg-[#0b141a]";

/** Marks the conversation read while it is on screen: on open, on new inbound messages, and when the tab comes back. */
function useMarkRead(c: Conversation) {
  const action = useConversationAction();
  const { mutate } = action;
  const tried = useRef<string | null>(null);
  const markRead = useCallback(() => {
    if (document.visibilityState !== "visible") return;
    // One attempt per conversation version: a failing call must not loop through the optimistic rollback.
    const key = `${c.id}:${c.version}`;
    if (tried.current === key) return;
    tried.current = key;
    mutate({ id: c.id, action: "read" });
  }, [c.id, c.version, mutate]);
  useEffect(() => {
    if (c.unreadCount > 0) markRead();
  }, [c.unreadCount, markRead]);
  useEffect(() => {
    const onVisible = () => c.unreadCount > 0 && markRead();
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [c.unreadCount, markRead]);
}

function ThreadView({ conversation: c, onBack }: { conversation: Conversation; onBack?: () => void }) {
  const t = useTranslations("thread");
  const me = useMe();
  const errorMessage = useErrorMessage();
  const self = useMemo(() => ({ id: me.user?.id ?? "", name: me.user?.name ?? "" }), [me.user?.id, me.user?.name]);
  const users = useUsers({ limit: 100 });
  const people: Person[] = useMemo(
    () => (users.data?.data ?? []).filter((u) => !u.invitationPending).map((u) => ({ id: u.id, name: u.name, email: u.email, avatarUrl: u.avatarUrl })),
    [users.data],
  );
  const thread = useThreadMessages(c.id, self.name);
  const presence = useConversationPresence(c.id, self);
  const pingTyping = useTypingPing(c.id);
  const outbox = useSendMessage(c.id);
  const react = useReact();
  const toggleHide = useToggleHide();
  const retrySend = useRetrySend(c.id);
  const canRetry = useCan("messages.manage");
  const [quote, setQuote] = useState<ThreadMessage | null>(null);
  useMarkRead(c);
  useThreadLiveUpdates(c.id);

  const names = useMemo(() => new Map(people.map((p) => [p.id, p.name])), [people]);
  const mentionNames = useCallback((ids: string[]) => ids.map((id) => names.get(id) ?? "").filter(Boolean), [names]);
  const onError = (err: unknown) => toast.error(errorMessage(err));
  const handlers: ThreadHandlers = {
    onReply: setQuote,
    onReact: (m, emoji) => react.mutate({ messageId: m.id, emoji }, { onError }),
    onToggleHide: (m) => toggleHide.mutate(m.id, { onError }),
    onRetrySend: canRetry ? (m) => retrySend.mutate(m.id, { onError, onSuccess: () => toast.success(t("bubble.retried")) }) : undefined,
    onResend: (tempId) => void outbox.retry(tempId).catch(onError),
    onDiscard: outbox.discard,
  };
  const onTyping = (typing: boolean, mode: ComposerMode) => {
    presence.announceTyping(typing);
    if (typing && mode === "reply") pingTyping();
  };

  return (
    <div className="@container flex h-full min-h-0 flex-col" data-testid="conversation-thread" data-conversation-id={c.id}>
      <ThreadHeader conversation={c} people={people} viewers={presence.viewers} typingNames={presence.typingNames} onBack={onBack} />
      {c.handoffSummary && <HandoffBanner summary={c.handoffSummary} />}
      <div className={`flex min-h-0 flex-1 flex-col ${CHAT_BG}`}>
        <MessageList
          messages={thread.messages}
          isLoading={thread.isLoading}
          error={thread.error}
          onRetry={() => void thread.refetch()}
          hasOlder={thread.hasNextPage}
          loadingOlder={thread.isFetchingNextPage}
          loadOlder={() => void thread.fetchNextPage()}
          handlers={handlers}
          mentionNames={mentionNames}
          onJumpMissing={() => toast.info(t("list.quoteNotLoaded"))}
        />
      </div>
      <Composer key={c.id} conversation={c} quote={quote} onCancelQuote={() => setQuote(null)} people={people} onTyping={onTyping} />
    </div>
  );
}

/** The middle pane of the inbox: one conversation's header, messages and composer. */
export function ConversationThread({ conversationId, onBack }: { conversationId: string; onBack?: () => void }) {
  const conversation = useConversation(conversationId);
  if (conversation.isLoading) {
    return (
      <div className="flex h-full flex-col" aria-busy="true" data-testid="conversation-thread-loading">
        <div className="flex items-center gap-3 border-b px-4 py-3">
          <Skeleton className="size-10 rounded-full" />
          <div className="flex flex-col gap-1.5">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-3 w-24" />
          </div>
        </div>
        <div className={`flex-1 ${CHAT_BG}`}>
          <ThreadSkeleton />
        </div>
      </div>
    );
  }
  if (!conversation.data) {
    return (
      <div className="flex h-full items-center justify-center p-6">
        <ErrorState error={conversation.error} onRetry={() => void conversation.refetch()} />
      </div>
    );
  }
  return <ThreadView key={conversationId} conversation={conversation.data} onBack={onBack} />;
}
