"use client";

import type { ReactNode } from "react";
import { CheckCircle2Icon, TagIcon, UserPlusIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/sonner";
import { SelectionBar } from "@/components/common/selection-bar";
import { ColorDot } from "@/components/common/tag-badge";
import { UserAvatar } from "@/components/common/user-avatar";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useBulkConversations, type BulkInput } from "@/lib/client/conversations";
import { useMe } from "@/lib/client/me";
import { useTags } from "@/lib/client/tags";
import { useUsers } from "@/lib/client/users";

function Menu({ label, icon, testId, disabled, children }: { label: string; icon: ReactNode; testId: string; disabled: boolean; children: ReactNode }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm" disabled={disabled} data-testid={testId} title={label}>
          {icon}
          <span className="sr-only @sm:not-sr-only">{label}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="max-h-80 w-56 overflow-y-auto">
        {children}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** Actions on the checked conversations; partial failures (a conversation someone else holds) are reported. */
export function BulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const t = useTranslations("inbox.bulk");
  const me = useMe();
  const bulk = useBulkConversations();
  const errorMessage = useErrorMessage();
  const users = useUsers({ limit: 100 }).data?.data ?? [];
  const tags = useTags().data ?? [];
  const busy = bulk.isPending;

  const run = async (input: Omit<BulkInput, "ids">) => {
    try {
      const res = await bulk.mutateAsync({ ...input, ids });
      if (res.failed.length) toast.warning(t("partial", { succeeded: res.succeeded, failed: res.failed.length }), { description: res.failed[0]?.message });
      else toast.success(t(`done.${input.action}`, { count: res.succeeded }));
      onDone();
    } catch (e) {
      toast.error(errorMessage(e));
    }
  };

  return (
    <SelectionBar
      variant="strip"
      label={t("label")}
      selected={t("selected", { count: ids.length })}
      pending={busy}
      clearLabel={t("clear")}
      onClear={onDone}
      testId="bulk-bar"
      clearTestId="bulk-clear"
    >
      <Menu label={t("assign")} icon={<UserPlusIcon />} testId="bulk-assign" disabled={busy}>
        {me.user && (
          <DropdownMenuItem data-testid="bulk-assign-me" onSelect={() => void run({ action: "assign", userId: me.user!.id })}>
            {t("assignToMe")}
          </DropdownMenuItem>
        )}
        <DropdownMenuItem data-testid="bulk-unassign" onSelect={() => void run({ action: "unassign" })}>
          {t("unassign")}
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuLabel className="text-xs text-muted-foreground">{t("agents")}</DropdownMenuLabel>
        {users
          .filter((u) => !u.invitationPending)
          .map((u) => (
            <DropdownMenuItem key={u.id} data-testid={`bulk-assign-${u.id}`} onSelect={() => void run({ action: "assign", userId: u.id })}>
              <UserAvatar name={u.name} src={u.avatarUrl} size="sm" presence={u.status} />
              <span className="truncate">{u.name}</span>
            </DropdownMenuItem>
          ))}
      </Menu>
      <Menu label={t("tag")} icon={<TagIcon />} testId="bulk-tag" disabled={busy || !tags.length}>
        {tags.map((tag) => (
          <DropdownMenuItem key={tag.id} data-testid={`bulk-tag-${tag.id}`} onSelect={() => void run({ action: "tag", tagId: tag.id })}>
            <ColorDot color={tag.color} />
            <span className="truncate">{tag.name}</span>
          </DropdownMenuItem>
        ))}
      </Menu>
      <Button variant="outline" size="sm" disabled={busy} data-testid="bulk-resolve" title={t("resolve")} onClick={() => void run({ action: "resolve" })}>
        <CheckCircle2Icon />
        <span className="sr-only @sm:not-sr-only">{t("resolve")}</span>
      </Button>
    </SelectionBar>
  );
}
