import { Suspense } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { InboxView } from "@/components/inbox/inbox-view";
import { InboxSkeleton } from "@/components/inbox/inbox-skeleton";
import { pageContext } from "@/lib/auth/nextauth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("title") };
}

export default async function InboxPage() {
  const { ctx } = await pageContext();
  if (!ctx?.permissions.has("conversations.read")) notFound();
  // The view reads the address (useSearchParams) on the client.
  return (
    <Suspense fallback={<InboxSkeleton />}>
      <InboxView />
    </Suspense>
  );
}
