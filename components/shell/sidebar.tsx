"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { CheckIcon, ChevronsUpDownIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Spinner } from "@/components/ui/spinner";
import { useMe } from "@/lib/client/me";
import { useRealtimeState } from "@/lib/realtime/use-realtime";
import { cn } from "@/lib/utils";
import type { NavGroup } from "./nav";
import { OrgMark } from "./org-mark";
import { useSwitchOrg } from "./use-switch-org";

function OrgHeader() {
  const t = useTranslations("shell");
  const me = useMe();
  const { switchTo, pending } = useSwitchOrg();
  const org = me.organization;
  const inner = (
    <>
      <OrgMark name={org.name} logoUrl={org.logoUrl} />
      <span className="min-w-0 flex-1 truncate text-left text-sm font-semibold" data-testid="org-name">
        {org.name}
      </span>
    </>
  );
  if (me.organizations.length < 2) return <div className="flex h-10 items-center gap-2.5 px-2">{inner}</div>;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="flex h-10 w-full items-center gap-2.5 rounded-md px-2 outline-none hover:bg-black/5 focus-visible:ring-[3px] focus-visible:ring-ring/50 dark:hover:bg-white/5">
        {inner}
        <ChevronsUpDownIcon className="size-4 text-muted-foreground" aria-hidden="true" />
        <span className="sr-only">{t("switchOrg")}</span>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-60">
        <DropdownMenuLabel className="text-xs text-muted-foreground">{t("organizations")}</DropdownMenuLabel>
        {me.organizations.map((o) => (
          <DropdownMenuItem key={o.id} disabled={Boolean(pending)} onSelect={() => o.id !== org.id && void switchTo(o.id)}>
            <OrgMark name={o.name} className="size-5 rounded text-[9px]" />
            <span className="flex-1 truncate">{o.name}</span>
            {pending === o.id ? <Spinner /> : o.id === org.id && <CheckIcon className="text-foreground" />}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function RealtimeStatus() {
  const t = useTranslations("shell.realtime");
  const state = useRealtimeState();
  if (state === "disabled") return null;
  const color = state === "connected" ? "bg-emerald-500" : state === "connecting" ? "bg-amber-400 animate-pulse" : "bg-rose-500";
  return (
    <div className="flex items-center gap-2 px-2 text-xs text-muted-foreground" role="status" aria-live="polite">
      <span className={cn("size-1.5 rounded-full", color)} aria-hidden="true" />
      {t(state)}
    </div>
  );
}

export function SidebarContent({ groups, onNavigate }: { groups: NavGroup[]; onNavigate?: () => void }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <div className="flex h-full flex-col gap-4 p-3">
      <OrgHeader />
      <nav className="flex flex-1 flex-col gap-5 overflow-y-auto" aria-label={t("label")}>
        {groups.map((group) => (
          <div key={group.label} className="flex flex-col gap-0.5">
            <p className="px-2 pb-1 text-[11px] font-medium tracking-wider text-muted-foreground uppercase">{t(`group.${group.label}`)}</p>
            {group.items.map((item) => {
              const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <Link
                  key={item.href}
                  href={item.href}
                  data-testid={item.testId}
                  aria-current={active ? "page" : undefined}
                  onClick={onNavigate}
                  className={cn(
                    "flex h-8 items-center gap-2.5 rounded-md px-2 text-sm font-medium text-sidebar-foreground/80 transition-colors outline-none",
                    "hover:bg-black/5 hover:text-sidebar-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 dark:hover:bg-white/5",
                    active && "bg-black/[.06] text-sidebar-foreground dark:bg-white/[.08]",
                  )}
                >
                  <item.icon className={cn("size-4 shrink-0", active ? "text-primary" : "text-muted-foreground")} aria-hidden="true" />
                  {t(`item.${item.label}`)}
                </Link>
              );
            })}
          </div>
        ))}
      </nav>
      <RealtimeStatus />
    </div>
  );
}
