"use client";

import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/sonner";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useConversationAction, type ConversationAction } from "@/lib/client/conversations";
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

/** The keyboard and the command palette run the same operations on the open conversation, with the same feedback. */
export function useConversationCommands(conversationId: string | null) {
  const t = useTranslations("inbox.commands");
  const me = useMe();
  const action = useConversationAction();
  const errorMessage = useErrorMessage();
  const canWrite = me.permissions.includes("conversations.write");

  const run = (name: CommandName) => {
    if (!conversationId || !canWrite || !me.user) return;
    action.mutate(
      { id: conversationId, ...ACTIONS[name](me.user.id) },
      {
        onSuccess: () => toast.success(t(`done.${name}`)),
        onError: (e) => toast.error(errorMessage(e)),
      },
    );
  };
  return { run, enabled: Boolean(conversationId && canWrite && me.user), pending: action.isPending };
}
