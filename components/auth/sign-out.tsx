"use client";

import { useEffect, useRef } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Spinner } from "@/components/ui/spinner";

/** Clears the session cookie and everything cached about the account, then shows the sign-in page. */
export function SignOut() {
  const t = useTranslations("auth.logout");
  const queryClient = useQueryClient();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    queryClient.clear();
    void signOut({ redirect: false }).finally(() => window.location.replace("/login?signedOut=1"));
  }, [queryClient]);
  return (
    <div className="flex flex-col items-center gap-3 py-16 text-sm text-muted-foreground" role="status">
      <Spinner className="size-5" label={t("working")} />
      {t("working")}
    </div>
  );
}
