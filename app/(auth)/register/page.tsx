import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RegisterForm } from "@/components/auth/register-form";
import { pageContext } from "@/lib/auth/nextauth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.register"))("metaTitle") };
}

export default async function RegisterPage() {
  const { ctx } = await pageContext();
  if (ctx) redirect("/");
  return <RegisterForm />;
}
