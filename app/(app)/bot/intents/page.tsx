import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IntentsPage } from "@/components/bot/intents/intents-manager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bot"))("pages.intents.title") };
}

export default function BotIntentsPage() {
  return <IntentsPage />;
}
