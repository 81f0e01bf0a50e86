"use client";

import { useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { MenuIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle } from "@/components/ui/sheet";
import { NotificationsBell } from "@/components/inbox/notifications-bell";
import { keys } from "@/lib/client/keys";
import { useMe } from "@/lib/client/me";
import { useRealtimeEvent } from "@/lib/realtime/use-realtime";
import { buildNav, type NavGroup } from "./nav";
import { SidebarContent } from "./sidebar";
import { UserMenu } from "./user-menu";

function Breadcrumb({ groups }: { groups: NavGroup[] }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  for (const group of groups) {
    const item = group.items.find((i) => pathname === i.href || pathname.startsWith(`${i.href}/`));
    if (item)
      return (
        <nav aria-label={t("breadcrumb")} className="flex min-w-0 items-center gap-1.5 text-sm">
          <span className="text-muted-foreground">{t(`group.${group.label}`)}</span>
          <span className="text-muted-foreground/50" aria-hidden="true">/</span>
          <span className="truncate font-medium">{t(`item.${item.label}`)}</span>
        </nav>
      );
  }
  return null;
}

export function AppShell({ devMailbox, devTools, children }: { devMailbox: boolean; devTools?: boolean; children: ReactNode }) {
  const t = useTranslations("shell");
  const me = useMe();
  const qc = useQueryClient();
  const [mobileOpen, setMobileOpen] = useState(false);
  // The inbox fills the viewport under the header: its panes scroll on their own.
  const fullBleed = usePathname().startsWith("/inbox");
  const groups = buildNav({ permissions: me.permissions, devMailbox, devTools });
  // Org name, logo and the caller's own membership can change while the page is open.
  useRealtimeEvent("organization.updated", () => void qc.invalidateQueries({ queryKey: keys.me }));
  useRealtimeEvent<{ userId?: number }>("user.updated", (d) => {
    if (String(d.userId) === me.user?.id) void qc.invalidateQueries({ queryKey: keys.me });
  });

  return (
    <div data-testid="app-shell" className="min-h-dvh bg-background">
      <aside className="fixed inset-y-0 left-0 z-40 hidden w-60 border-r bg-sidebar lg:block">
        <SidebarContent groups={groups} />
      </aside>
      <Sheet open={mobileOpen} onOpenChange={setMobileOpen}>
        <SheetContent side="left" className="w-72 bg-sidebar p-0">
          <SheetTitle className="sr-only">{t("navigation")}</SheetTitle>
          <SheetDescription className="sr-only">{t("navigationHint")}</SheetDescription>
          <SidebarContent groups={groups} onNavigate={() => setMobileOpen(false)} />
        </SheetContent>
      </Sheet>
      <div className="flex min-h-dvh flex-col lg:pl-60">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b bg-background/85 px-4 backdrop-blur-md sm:px-6">
          <Button variant="ghost" size="icon-sm" className="-ml-1 lg:hidden" onClick={() => setMobileOpen(true)} aria-label={t("openNavigation")}>
            <MenuIcon />
          </Button>
          <Breadcrumb groups={groups} />
          <div className="ml-auto flex items-center gap-2">
            <NotificationsBell />
            <UserMenu />
          </div>
        </header>
        {fullBleed ? (
          <main className="flex min-h-0 flex-1 flex-col">{children}</main>
        ) : (
          <main className="flex-1 px-4 py-6 sm:px-8 sm:py-8">
            <div className="mx-auto w-full max-w-6xl">{children}</div>
          </main>
        )}
      </div>
    </div>
  );
}
