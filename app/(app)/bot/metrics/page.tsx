import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MetricsPage } from "@/components/bot/metrics/metrics-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("botLibrary"))("metrics.title") };
}

export default function BotMetricsPage() {
  return <MetricsPage />;
}
