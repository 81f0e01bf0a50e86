"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale } from "next-intl";
import { api } from "@/lib/client/api";
import { writeLocaleCookie, type AppLocale } from "@/lib/i18n/config";

/**
 * The cookie decides the language of every page (signed in or not); a signed-in person's choice is also saved on
 * their profile so mails and other devices follow. Messages come from the server, hence the refresh.
 */
export function useSwitchLocale({ saveToProfile }: { saveToProfile: boolean }) {
  const router = useRouter();
  const current = useLocale();
  const [pending, startTransition] = useTransition();
  const switchTo = async (locale: AppLocale) => {
    if (locale === current) return;
    writeLocaleCookie(locale);
    if (saveToProfile) await api("/profile", { method: "PATCH", body: { locale } }).catch(() => undefined);
    startTransition(() => router.refresh());
  };
  return { locale: current, switchTo, pending };
}
