import Link from "next/link";
import { CompassIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** Unknown URLs outside the signed-in shell. */
export default async function NotFound() {
  const t = await getTranslations("pageErrors");
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <EmptyState
        icon={CompassIcon}
        title={t("notFoundTitle")}
        description={t("notFoundText")}
        action={
          <Button asChild variant="outline">
            <Link href="/">{t("home")}</Link>
          </Button>
        }
      />
    </main>
  );
}
