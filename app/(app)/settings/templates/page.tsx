import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TemplatesSettings } from "@/components/templates/templates-settings";
import { pageContext } from "@/lib/auth/nextauth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("templates"))("title") };
}

export default async function TemplatesSettingsPage() {
  const { ctx } = await pageContext();
  if (!ctx?.permissions.has("templates.read")) notFound();
  return <TemplatesSettings />;
}
