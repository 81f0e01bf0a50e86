import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { WhatsappSettings } from "@/components/whatsapp/whatsapp-settings";
import { pageContext } from "@/lib/auth/nextauth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("whatsapp"))("title") };
}

export default async function WhatsappSettingsPage() {
  const { ctx } = await pageContext();
  if (!ctx?.permissions.has("whatsapp.manage")) notFound();
  return <WhatsappSettings />;
}
