"use client";

import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/sonner";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useConversationAction, type ConversationAction, type ConversationActionInput } from "@/lib/client/conversations";
import { useMe } from "@/lib/client/me";

export type CommandName = "resolve" | "assignMe" | "takeover" | "unassign" | "reopen" | "markRead";

const ACTIONS: Record<CommandName, (userId: string) => ConversationAction> = {
  resolve: () => ({ action: "resolve" }),
  assignMe: (userId) => ({ action: "assign", userId }),
  takeover: () => ({ action: "takeover" }),
  unassign: () => ({ action: "unassign" }),
  reopen: () => ({ action: "patch", status: "OPEN" }),
  markRead: () => ({ action: "read" }),
};

/**
 * Runs an action on a conversation with the inbox's feedback: `done` (when given) is toasted on success and `then`
 * follows it; an error is toasted.
 */
export function useRunConversationAction() {
  const action = useConversationAction();
  const errorMessage = useErrorMessage();
  const run = (input: ConversationActionInput, done?: string, then?: () => void) =>
    action.mutate(input, {
      onSuccess: () => {
        if (done) toast.success(done);
        then?.();
      },
      onError: (e) => toast.error(errorMessage(e)),
    });
  return { run, pending: action.isPending };
}

/** The keyboard and the command palette run the same operations on the open conversation, with the same feedback. */
export function useConversationCommands(conversationId: string | null) {
  const t = useTranslations("inbox.commands");
  const me = useMe();
  const { run: runAction } = useRunConversationAction();
  const canWrite = me.permissions.includes("conversations.write");

  const run = (name: CommandName) => {
    if (!conversationId || !canWrite || !me.user) return;
    runAction({ id: conversationId, ...ACTIONS[name](me.user.id) }, t(`done.${name}`));
  };
  return { run, enabled: Boolean(conversationId && canWrite && me.user) };
}
