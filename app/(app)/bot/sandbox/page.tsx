import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SandboxPage } from "@/components/bot/sandbox/sandbox-chat";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bot"))("pages.sandbox.title") };
}

export default function BotSandboxPage() {
  return <SandboxPage />;
}
