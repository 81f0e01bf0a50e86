import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TeamsSettings } from "@/components/settings-inbox/teams-settings";
import { pageContext } from "@/lib/auth/nextauth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("teamsSettings"))("title") };
}

export default async function TeamsSettingsPage() {
  const { ctx } = await pageContext();
  if (!ctx?.permissions.has("teams.manage")) notFound();
  return <TeamsSettings />;
}
