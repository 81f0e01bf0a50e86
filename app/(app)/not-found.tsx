import Link from "next/link";
import { CompassIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default async function NotFound() {
  const t = await getTranslations("pageErrors");
  return (
    <EmptyState
      className="rounded-lg border bg-card py-20"
      icon={CompassIcon}
      title={t("notFoundTitle")}
      description={t("notFoundText")}
      action={
        <Button asChild variant="outline">
          <Link href="/">{t("home")}</Link>
        </Button>
      }
    />
  );
}
