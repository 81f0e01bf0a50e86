import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TagsSettings } from "@/components/settings-inbox/tags-settings";
import { pageContext } from "@/lib/auth/nextauth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tagsSettings"))("title") };
}

export default async function TagsSettingsPage() {
  const { ctx } = await pageContext();
  if (!ctx?.permissions.has("tags.manage")) notFound();
  return <TagsSettings />;
}
