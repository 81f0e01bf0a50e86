"use client";

import Link from "next/link";
import { MessagesSquareIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ErrorState } from "@/components/common/error-state";
import { RelativeTime } from "@/components/common/relative-time";
import { TagBadge } from "@/components/common/tag-badge";
import { PriorityMark, StatusPill } from "@/components/inbox/list/row-parts";
import type { Conversation } from "@/lib/client/conversations";
import { cn } from "@/lib/utils";

export function ConversationListSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div className="flex flex-col gap-2" aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-14 w-full" />
      ))}
    </div>
  );
}

/** Conversations as links into the inbox (`/inbox?c=<id>`), newest first as given. */
export function ConversationList({
  conversations,
  isPending,
  error,
  onRetry,
  emptyText,
  compact = false,
}: {
  conversations: Conversation[] | undefined;
  isPending: boolean;
  error: unknown;
  onRetry: () => void;
  emptyText: string;
  compact?: boolean;
}) {
  const t = useTranslations("contacts.conversations");
  if (isPending) return <ConversationListSkeleton />;
  if (error) return <ErrorState error={error} onRetry={onRetry} className="py-6" />;
  if (!conversations?.length) return <EmptyState icon={MessagesSquareIcon} title={emptyText} className="py-6" />;
  return (
    <ul className="flex flex-col gap-1.5" aria-label={t("label")}>
      {conversations.map((c) => (
        <li key={c.id}>
          <Link
            href={`/inbox?c=${c.id}`}
            data-testid={`conversation-link-${c.id}`}
            className={cn(
              "flex flex-col gap-1 rounded-md border bg-card px-3 py-2 text-sm outline-none transition-colors hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50",
              compact && "px-2.5 py-1.5",
            )}
          >
            <span className="flex items-center gap-2">
              <span className="font-medium tabular-nums">#{c.displayId}</span>
              <StatusPill status={c.status} />
              <PriorityMark priority={c.priority} />
              <span className="ml-auto shrink-0 text-xs text-muted-foreground">
                <RelativeTime value={c.lastMessageAt ?? c.createdAt} />
              </span>
            </span>
            {c.lastMessagePreview && <span className="line-clamp-1 text-muted-foreground">{c.lastMessagePreview}</span>}
            {!compact && (c.assignee || c.tags.length > 0) && (
              <span className="flex flex-wrap items-center gap-1 text-xs text-muted-foreground">
                {c.assignee && <span>{t("assignedTo", { name: c.assignee.name })}</span>}
                {c.tags.map((tag) => (
                  <TagBadge key={tag.id} name={tag.name} color={tag.color} />
                ))}
              </span>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}
