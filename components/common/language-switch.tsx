"use client";

import { CheckIcon, GlobeIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { LOCALES } from "@/lib/i18n/config";
import { useSwitchLocale } from "./use-switch-locale";

/** For pages without the user menu (sign-in, register, invitation). */
export function LanguageSwitch() {
  const t = useTranslations("language");
  const { locale, switchTo } = useSwitchLocale({ saveToProfile: false });
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" className="text-muted-foreground" aria-label={t("label")}>
          <GlobeIcon />
          {t(locale)}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        {LOCALES.map((l) => (
          <DropdownMenuItem key={l} data-testid={`lang-${l}`} onSelect={() => void switchTo(l)}>
            <span className="flex-1">{t(l)}</span>
            {l === locale && <CheckIcon className="text-foreground" />}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
