import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { UsersSettings } from "@/components/users/users-settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}

export default function UsersPage() {
  return <UsersSettings />;
}
