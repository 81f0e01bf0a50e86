import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TemplatesGallery } from "@/components/bot/templates/templates-gallery";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("botLibrary"))("templates.title") };
}

export default function BotTemplatesGallery() {
  return <TemplatesGallery />;
}
