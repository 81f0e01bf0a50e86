import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ContactDetail } from "@/components/contacts/contact-detail";
import { pageContext } from "@/lib/auth/nextauth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contacts"))("title") };
}

export default async function ContactPage({ params }: { params: Promise<{ waId: string }> }) {
  const { ctx } = await pageContext();
  if (!ctx?.permissions.has("contacts.read")) notFound();
  const { waId } = await params;
  const digits = decodeURIComponent(waId).replace(/^\+/, "");
  if (!/^\d{5,20}$/.test(digits)) notFound();
  return <ContactDetail waId={digits} />;
}
