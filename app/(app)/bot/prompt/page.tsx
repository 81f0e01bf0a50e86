import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PromptPage } from "@/components/bot/prompt/prompt-editor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bot"))("pages.prompt.title") };
}

export default function BotPromptPage() {
  return <PromptPage />;
}
