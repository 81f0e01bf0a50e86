"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/sonner";
import { switchOrganization } from "@/app/(app)/actions";

export function useSwitchOrg() {
  const t = useTranslations("shell");
  const [pending, setPending] = useState<string | null>(null);
  const switchTo = async (orgId: string) => {
    setPending(orgId);
    try {
      const res = await switchOrganization(orgId);
      if (res.orgId !== orgId) throw new Error("not switched");
      // A full load: every cache, the realtime channel and the permissions belong to the previous org.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a client-side navigation would keep them
      window.location.assign("/");
    } catch {
      setPending(null);
      toast.error(t("switchOrgFailed"));
    }
  };
  return { switchTo, pending };
}
