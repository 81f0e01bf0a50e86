import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DevMailbox } from "@/components/dev/dev-mailbox";
import { pageContext } from "@/lib/auth/nextauth";
import { devMailboxEnabled } from "@/lib/services/mail/dev-mailbox";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mailbox"))("title") };
}

export default async function DevMailboxPage() {
  const { ctx } = await pageContext();
  if (!devMailboxEnabled() || !ctx?.permissions.has("mailbox.read")) notFound();
  return <DevMailbox />;
}
