import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { QuickRepliesSettings } from "@/components/settings-inbox/quick-replies-settings";
import { pageContext } from "@/lib/auth/nextauth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("quickRepliesSettings"))("title") };
}

export default async function QuickRepliesSettingsPage() {
  const { ctx } = await pageContext();
  if (!ctx?.permissions.has("quick_replies.manage")) notFound();
  return <QuickRepliesSettings />;
}
