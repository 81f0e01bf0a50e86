import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BotOverview } from "@/components/bot/configs/bot-overview";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bot"))("pages.overview.title") };
}

export default function BotPage() {
  return <BotOverview />;
}
