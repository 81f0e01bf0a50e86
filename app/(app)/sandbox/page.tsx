import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SandboxView } from "@/components/sandbox/sandbox-view";
import { pageContext } from "@/lib/auth/nextauth";
import { devToolsEnabled } from "@/lib/services/sandbox/enabled";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sandbox"))("title") };
}

export default async function SandboxPage({ searchParams }: { searchParams: Promise<{ customer?: string | string[] }> }) {
  const { ctx } = await pageContext();
  if (!devToolsEnabled() || !ctx?.permissions.has("sandbox.use")) notFound();
  const { customer } = await searchParams;
  const initial = typeof customer === "string" && /^\d{1,15}$/.test(customer) ? customer : null;
  return <SandboxView initialCustomerId={initial} />;
}
