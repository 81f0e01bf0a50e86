/** Spanish is the product's default language; English is the only other one for now. */
export const LOCALES = ["es", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "es";
/** Same cookie name next-intl's routing middleware uses, so adopting i18n routing later keeps users' choice. */
export const LOCALE_COOKIE = "NEXT_LOCALE";

export const isLocale = (value: unknown): value is AppLocale => LOCALES.includes(value as AppLocale);

/** Called from the browser: one year, whole site. */
export function writeLocaleCookie(locale: AppLocale) {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
}

export function readLocaleCookie(): AppLocale | undefined {
  const match = document.cookie.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`));
  return isLocale(match?.[1]) ? match[1] : undefined;
}
