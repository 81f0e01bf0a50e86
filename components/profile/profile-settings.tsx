"use client";

import { useTranslations } from "next-intl";
import { Separator } from "@/components/ui/separator";
import { Skeleton } from "@/components/ui/skeleton";
import { ErrorState } from "@/components/common/error-state";
import { PageHeader } from "@/components/common/page-header";
import { useProfile } from "@/lib/client/profile";
import { AvatarSection } from "./avatar-section";
import { DetailsSection } from "./details-section";
import { PasswordSection } from "./password-section";

function ProfileSkeleton() {
  return (
    <div className="space-y-10 py-2" aria-busy="true">
      {[0, 1, 2].map((i) => (
        <div key={i} className="grid gap-4 md:grid-cols-[260px_1fr] md:gap-10">
          <div className="space-y-2">
            <Skeleton className="h-4 w-32" />
            <Skeleton className="h-3 w-48" />
          </div>
          <Skeleton className="h-36 max-w-xl rounded-lg" />
        </div>
      ))}
    </div>
  );
}

export function ProfileSettings() {
  const t = useTranslations("profile");
  const query = useProfile();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      {query.isPending ? (
        <ProfileSkeleton />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} className="rounded-lg border" />
      ) : (
        <div className="flex flex-col">
          <AvatarSection profile={query.data} />
          <Separator />
          <DetailsSection profile={query.data} />
          <Separator />
          <PasswordSection email={query.data.email} />
        </div>
      )}
    </div>
  );
}
