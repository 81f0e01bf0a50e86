"use client";

import { CheckCheckIcon, CheckIcon, CircleAlertIcon, Clock3Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import type { SandboxMessage } from "@/lib/client/sandbox";
import { cn } from "@/lib/utils";

type Status = SandboxMessage["status"];

/** WhatsApp's ticks: a clock while pending, one grey tick sent, two grey delivered, two blue read; red when failed. */
export function Ticks({ status, className }: { status: Status; className?: string }) {
  const t = useTranslations("sandbox.status");
  const Icon = status === "PENDING" ? Clock3Icon : status === "SENT" ? CheckIcon : status === "FAILED" ? CircleAlertIcon : CheckCheckIcon;
  return (
    <span className={cn("inline-flex items-center", className)} data-testid="ticks" data-status={status} title={t(status)}>
      <Icon
        className={cn(
          "size-3.5",
          status === "READ" ? "text-sky-500" : status === "FAILED" ? "text-red-500" : "text-zinc-500/80 dark:text-zinc-400",
          status === "PENDING" && "size-3",
        )}
        aria-hidden="true"
      />
      <span className="sr-only">{t(status)}</span>
    </span>
  );
}
