import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { VersionsPage } from "@/components/bot/versions/versions-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("botLibrary"))("versions.title") };
}

export default function BotVersionsPage() {
  return <VersionsPage />;
}
