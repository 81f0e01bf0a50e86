import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApiKeysSettings } from "@/components/api-keys/api-keys-settings";
import { pageContext } from "@/lib/auth/nextauth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiKeys"))("title") };
}

export default async function ApiKeysPage() {
  const { ctx } = await pageContext();
  if (!ctx?.permissions.has("api_keys.manage")) notFound();
  return <ApiKeysSettings />;
}
