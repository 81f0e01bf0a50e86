import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { safeNext } from "@/components/auth/safe-next";
import { pageContext } from "@/lib/auth/nextauth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.login"))("metaTitle") };
}

type Search = { next?: string; email?: string; expired?: string; suspended?: string; signedOut?: string };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  // A still-valid session goes straight in; a stale cookie (password changed elsewhere) stays here to sign in again.
  const { ctx } = await pageContext();
  if (ctx) redirect(safeNext(sp.next));
  const notice = sp.suspended ? "suspended" : sp.expired ? "expired" : sp.signedOut ? "signedOut" : null;
  return <LoginForm next={sp.next} initialEmail={sp.email ?? ""} notice={notice} />;
}
