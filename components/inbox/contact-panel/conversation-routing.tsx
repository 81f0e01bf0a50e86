"use client";

import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import type { Conversation, ConversationPriority } from "@/lib/client/conversations";
import { useCan } from "@/lib/client/me";
import { useTeams } from "@/lib/client/teams";
import { useRunConversationAction } from "../use-conversation-commands";
import { PRIORITIES } from "../use-inbox-params";

/** Priority and team of the conversation, each saved as soon as it is picked. */
export function ConversationRouting({ conversation }: { conversation: Conversation }) {
  const t = useTranslations("contacts.routing");
  const tp = useTranslations("inbox.priority");
  const canWrite = useCan("conversations.write");
  const teams = useTeams();
  const { run } = useRunConversationAction();

  const teamOptions = teams.data ?? [];
  // A conversation can sit in a team that was deactivated since: keep it selectable so the select shows the truth.
  const missing = conversation.team && !teamOptions.some((tm) => tm.id === conversation.team?.id) ? [conversation.team] : [];

  return (
    <div className="grid grid-cols-2 gap-3">
      <FormField label={t("priority")}>
        <NativeSelect
          value={conversation.priority}
          disabled={!canWrite}
          onChange={(e) => run({ id: conversation.id, action: "patch", priority: e.target.value as ConversationPriority })}
          data-testid="conversation-priority"
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {tp(p)}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField label={t("team")}>
        <NativeSelect
          value={conversation.team?.id ?? ""}
          disabled={!canWrite || teams.isPending}
          onChange={(e) => run({ id: conversation.id, action: "patch", teamId: e.target.value || null }, t("teamSaved"))}
          data-testid="conversation-team"
        >
          <option value="">{t("noTeam")}</option>
          {[...teamOptions, ...missing].map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </NativeSelect>
      </FormField>
    </div>
  );
}
