import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ToolsPage } from "@/components/bot/tools/tools-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("botTools"))("title") };
}

export default function BotToolsPage() {
  return <ToolsPage />;
}
