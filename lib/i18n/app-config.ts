import type { AppLocale } from "./config";
import type messages from "./messages/es.json";

// Typed message keys: a missing or misspelled key fails the typecheck instead of showing a raw key to users.
declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof messages;
  }
}
