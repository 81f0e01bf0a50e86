import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignOut } from "@/components/auth/sign-out";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.logout"))("metaTitle") };
}

export default function LogoutPage() {
  return <SignOut />;
}
