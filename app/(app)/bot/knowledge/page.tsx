import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { KnowledgePage } from "@/components/bot/knowledge/knowledge-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("botKnowledge"))("title") };
}

export default function BotKnowledgePage() {
  return <KnowledgePage />;
}
