import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProfileSettings } from "@/components/profile/profile-settings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

export default function ProfilePage() {
  return <ProfileSettings />;
}
