import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ContactsList } from "@/components/contacts/contacts-list";
import { pageContext } from "@/lib/auth/nextauth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contacts"))("title") };
}

export default async function ContactsPage() {
  const { ctx } = await pageContext();
  if (!ctx?.permissions.has("contacts.read")) notFound();
  return <ContactsList />;
}
