"use client";

import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/sonner";
import { TagBadge } from "@/components/common/tag-badge";
import { useErrorMessage } from "@/components/common/use-api-errors";
import type { Conversation } from "@/lib/client/conversations";
import { useCan } from "@/lib/client/me";
import { useAddConversationTag, useRemoveConversationTag, type TagRef } from "@/lib/client/tags";
import { TagPicker } from "./tag-picker";

/** The conversation's tags; adding and removing show at once (optimistic) and roll back on error. */
export function ConversationTags({ conversation }: { conversation: Conversation }) {
  const t = useTranslations("contacts.tags");
  const canWrite = useCan("tags.write");
  const add = useAddConversationTag();
  const remove = useRemoveConversationTag();
  const errorMessage = useErrorMessage();
  const onError = (e: unknown) => toast.error(errorMessage(e));

  const addTag = (tag: TagRef) => add.mutate({ conversationId: conversation.id, tag }, { onError });
  const removeTag = (tag: TagRef) => remove.mutate({ conversationId: conversation.id, tag }, { onError });

  return (
    <div className="flex flex-wrap items-center gap-1.5" data-testid="conversation-tags">
      {conversation.tags.length === 0 && <span className="text-sm text-muted-foreground">{t("empty")}</span>}
      {conversation.tags.map((tag) => (
        <TagBadge
          key={tag.id}
          name={tag.name}
          color={tag.color}
          onRemove={canWrite ? () => removeTag(tag) : undefined}
          removeLabel={t("remove", { name: tag.name })}
          removeTestId={`remove-tag-${tag.id}`}
        />
      ))}
      {canWrite && <TagPicker selected={conversation.tags} onPick={addTag} />}
    </div>
  );
}
