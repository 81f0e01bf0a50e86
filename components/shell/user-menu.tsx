"use client";

import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { CircleUserIcon, LogOutIcon, MonitorIcon, MoonIcon, SunIcon, ArrowRightLeftIcon, CheckIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTheme } from "next-themes";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/sonner";
import { PRESENCES, PresenceDot, type Presence } from "@/components/common/presence";
import { UserAvatar } from "@/components/common/user-avatar";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useSwitchLocale } from "@/components/common/use-switch-locale";
import { keys } from "@/lib/client/keys";
import { useMe, type Me } from "@/lib/client/me";
import { useSetUserStatus } from "@/lib/client/users";
import { LOCALES, type AppLocale } from "@/lib/i18n/config";
import { OrgMark } from "./org-mark";
import { useSwitchOrg } from "./use-switch-org";

const THEMES = [
  { value: "light", icon: SunIcon },
  { value: "dark", icon: MoonIcon },
  { value: "system", icon: MonitorIcon },
] as const;

function useSetPresence(userId: string) {
  const qc = useQueryClient();
  const setStatus = useSetUserStatus();
  const errorMessage = useErrorMessage();
  return (status: Presence) => {
    const previous = qc.getQueryData<Me>(keys.me);
    // Optimistic: the dot changes at once; the server's answer (or a failure) settles it.
    if (previous?.user) qc.setQueryData<Me>(keys.me, { ...previous, user: { ...previous.user, status } });
    setStatus.mutate(
      { id: userId, status },
      {
        onError: (e) => {
          if (previous) qc.setQueryData(keys.me, previous);
          toast.error(errorMessage(e));
        },
      },
    );
  };
}

export function UserMenu() {
  const t = useTranslations("userMenu");
  const tp = useTranslations("presence");
  const tl = useTranslations("language");
  const me = useMe();
  const user = me.user!;
  const { theme = "system", setTheme } = useTheme();
  const { locale, switchTo } = useSwitchLocale({ saveToProfile: true });
  const { switchTo: switchOrg } = useSwitchOrg();
  const setPresence = useSetPresence(user.id);

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        data-testid="user-menu"
        aria-label={t("open")}
        className="flex items-center gap-2 rounded-full p-0.5 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 sm:rounded-md sm:py-1 sm:pr-2 sm:pl-1 sm:hover:bg-accent"
      >
        <UserAvatar name={user.name} src={user.avatarUrl} presence={user.status} size="sm" />
        <span className="hidden max-w-40 truncate text-sm font-medium sm:inline">{user.name}</span>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel className="flex items-center gap-3 py-2 font-normal">
          <UserAvatar name={user.name} src={user.avatarUrl} size="lg" />
          <span className="flex min-w-0 flex-col">
            <span className="truncate text-sm font-medium">{user.name}</span>
            <span className="truncate text-xs text-muted-foreground">{user.email}</span>
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />

        <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">{t("status")}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={user.status} onValueChange={(v) => setPresence(v as Presence)}>
          {PRESENCES.map((p) => (
            <DropdownMenuRadioItem key={p} value={p} data-testid={`presence-${p.toLowerCase()}`}>
              <PresenceDot status={p} className="size-2" />
              {tp(p)}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />

        <DropdownMenuSub>
          <DropdownMenuSubTrigger>
            {theme === "dark" ? <MoonIcon /> : theme === "light" ? <SunIcon /> : <MonitorIcon />}
            <span className="flex-1">{t("theme")}</span>
          </DropdownMenuSubTrigger>
          <DropdownMenuSubContent className="w-40">
            <DropdownMenuRadioGroup value={theme} onValueChange={setTheme}>
              {THEMES.map(({ value, icon: Icon }) => (
                <DropdownMenuRadioItem key={value} value={value}>
                  <Icon />
                  {t(`themes.${value}`)}
                </DropdownMenuRadioItem>
              ))}
            </DropdownMenuRadioGroup>
          </DropdownMenuSubContent>
        </DropdownMenuSub>

        {me.organizations.length > 1 && (
          <DropdownMenuSub>
            <DropdownMenuSubTrigger>
              <ArrowRightLeftIcon />
              <span className="flex-1">{t("switchOrg")}</span>
            </DropdownMenuSubTrigger>
            <DropdownMenuSubContent className="w-56">
              {me.organizations.map((o) => (
                <DropdownMenuItem key={o.id} onSelect={() => o.id !== me.organization.id && void switchOrg(o.id)}>
                  <OrgMark name={o.name} className="size-5 rounded text-[9px]" />
                  <span className="flex-1 truncate">{o.name}</span>
                  {o.id === me.organization.id && <CheckIcon className="text-foreground" />}
                </DropdownMenuItem>
              ))}
            </DropdownMenuSubContent>
          </DropdownMenuSub>
        )}

        <DropdownMenuSeparator />
        <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">{tl("label")}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={locale} onValueChange={(v) => void switchTo(v as AppLocale)}>
          {LOCALES.map((l) => (
            <DropdownMenuRadioItem key={l} value={l} data-testid={`lang-${l}`}>
              {tl(l)}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>

        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings/profile">
            <CircleUserIcon />
            {t("profile")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild data-testid="sign-out">
          <Link href="/logout" prefetch={false}>
            <LogOutIcon />
            {t("signOut")}
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
