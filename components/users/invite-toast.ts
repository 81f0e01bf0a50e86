"use client";

import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/sonner";

/**
 * The invitation link is shown once, in the answer that minted it: offered to copy, because without a mail server
 * the admin has to pass it on by hand.
 */
export function useInviteToast() {
  const t = useTranslations("users.inviteToast");
  return (title: string, inviteUrl: string) =>
    toast.success(title, {
      description: t("description"),
      duration: 12_000,
      action: {
        label: t("copyLink"),
        onClick: () => {
          void navigator.clipboard?.writeText(inviteUrl).then(
            () => toast.success(t("copied")),
            () => toast.message(inviteUrl),
          );
        },
      },
    });
}
