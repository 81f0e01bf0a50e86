import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BotSettingsPage } from "@/components/bot/settings/bot-settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bot"))("pages.settings.title") };
}

export default function BotSettingsRoute() {
  return <BotSettingsPage />;
}
