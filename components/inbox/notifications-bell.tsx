"use client";

import { useState, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import { AtSignIcon, BotIcon, BellIcon, BellRingIcon, CheckCheckIcon, ClockIcon, UserPlusIcon, Volume2Icon, VolumeXIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { ErrorState } from "@/components/common/error-state";
import { RelativeTime } from "@/components/common/relative-time";
import { useCan } from "@/lib/client/me";
import { unreadCountOf, useMarkNotificationsRead, useNotifications, type Notification } from "@/lib/client/notifications";
import { cn } from "@/lib/utils";
import { desktopPermission, isSoundMuted, requestDesktopPermission, setSoundMuted, type DesktopPermission } from "./alerts";
import { useInboxAlerts } from "./use-inbox-alerts";

const ICONS = { MENTION: AtSignIcon, ASSIGNED: UserPlusIcon, FOLLOW_UP_DUE: ClockIcon, HANDOFF: BotIcon } as const;

function NotificationItem({ n, onOpen }: { n: Notification; onOpen: (n: Notification) => void }) {
  const t = useTranslations("inbox.notifications");
  const Icon = ICONS[n.type];
  return (
    <li>
      <button
        type="button"
        onClick={() => onOpen(n)}
        data-testid={`notification-${n.id}`}
        className={cn(
          "flex w-full gap-3 rounded-md px-3 py-2.5 text-left outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50",
          !n.readAt && "bg-primary/5",
        )}
      >
        <span className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-muted text-muted-foreground">
          <Icon className="size-3.5" aria-hidden="true" />
        </span>
        <span className="min-w-0 flex-1">
          <span className="block text-sm">
            {t(`type.${n.type}`, { actor: n.actor?.name ?? t("someone"), id: n.conversationDisplayId ?? "" })}
          </span>
          {n.preview && <span className="line-clamp-2 block text-xs text-muted-foreground">{n.preview}</span>}
          <span className="block text-[11px] text-muted-foreground">
            <RelativeTime value={n.createdAt} />
          </span>
        </span>
        {!n.readAt && <span className="mt-2 size-2 shrink-0 rounded-full bg-primary" aria-label={t("unread")} />}
      </button>
    </li>
  );
}

const noop = () => () => {};

function AlertSettings() {
  const t = useTranslations("inbox.notifications");
  const serverPermission = useSyncExternalStore(noop, desktopPermission, () => "unsupported" as DesktopPermission);
  const serverMuted = useSyncExternalStore(noop, isSoundMuted, () => false);
  const [permission, setPermission] = useState<DesktopPermission | null>(null);
  const [muted, setMuted] = useState<boolean | null>(null);
  const effectivePermission = permission ?? serverPermission;
  const effectiveMuted = muted ?? serverMuted;
  return (
    <div className="flex flex-wrap items-center gap-1.5 border-t px-2 py-2">
      <Button
        variant="ghost"
        size="sm"
        data-testid="notifications-sound"
        aria-pressed={!effectiveMuted}
        onClick={() => {
          setSoundMuted(!effectiveMuted);
          setMuted(!effectiveMuted);
        }}
      >
        {effectiveMuted ? <VolumeXIcon /> : <Volume2Icon />}
        {effectiveMuted ? t("soundOff") : t("soundOn")}
      </Button>
      {effectivePermission === "default" && (
        <Button variant="ghost" size="sm" data-testid="notifications-enable-desktop" onClick={() => void requestDesktopPermission().then(setPermission)}>
          <BellRingIcon />
          {t("enableDesktop")}
        </Button>
      )}
      {effectivePermission === "denied" && <span className="px-2 text-xs text-muted-foreground">{t("desktopBlocked")}</span>}
    </div>
  );
}

function NotificationsPanel({ onNavigate }: { onNavigate: () => void }) {
  const t = useTranslations("inbox.notifications");
  const router = useRouter();
  const query = useNotifications();
  const markRead = useMarkNotificationsRead();
  const items = query.data?.pages.flatMap((p) => p.data) ?? [];
  const unread = unreadCountOf(query.data);

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate([n.id]);
    if (n.conversationId) router.push(`/inbox?c=${n.conversationId}`);
    onNavigate();
  };

  return (
    <div className="flex max-h-[min(32rem,80dvh)] flex-col">
      <div className="flex items-center gap-2 border-b px-3 py-2">
        <h2 className="text-sm font-semibold">{t("title")}</h2>
        <Button variant="ghost" size="sm" className="ml-auto" disabled={!unread} data-testid="notifications-mark-all" onClick={() => markRead.mutate(undefined)}>
          <CheckCheckIcon />
          {t("markAll")}
        </Button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-1">
        {query.isPending ? (
          <div className="flex flex-col gap-2 p-2" aria-busy="true">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-12 w-full" />
            ))}
          </div>
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : items.length === 0 ? (
          <p className="px-3 py-8 text-center text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <ul className="flex flex-col gap-0.5" aria-label={t("title")}>
            {items.map((n) => (
              <NotificationItem key={n.id} n={n} onOpen={open} />
            ))}
          </ul>
        )}
        {query.hasNextPage && (
          <Button variant="ghost" size="sm" className="mt-1 w-full" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {query.isFetchingNextPage && <Spinner />}
            {t("more")}
          </Button>
        )}
      </div>
      <AlertSettings />
    </div>
  );
}

function Bell() {
  const t = useTranslations("inbox.notifications");
  const [open, setOpen] = useState(false);
  const query = useNotifications();
  const unread = unreadCountOf(query.data);
  useInboxAlerts();
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="ghost" size="icon-sm" className="relative" data-testid="notifications-bell" aria-label={t("bellLabel", { count: unread })}>
          <BellIcon />
          {unread > 0 && (
            <span
              data-testid="notifications-unread"
              className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-primary px-1 text-[10px] font-semibold text-primary-foreground tabular-nums"
              aria-hidden="true"
            >
              {unread > 99 ? "99+" : unread}
            </span>
          )}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-[min(24rem,calc(100vw-1rem))] p-0">
        <NotificationsPanel onNavigate={() => setOpen(false)} />
      </PopoverContent>
    </Popover>
  );
}

/** The header bell: only for people with notifications (API keys and roles without the permission see nothing). */
export function NotificationsBell() {
  const allowed = useCan("notifications.read");
  return allowed ? <Bell /> : null;
}
