"use client";

import { useTranslations } from "next-intl";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { ConversationStatus } from "@/lib/client/conversations";

const VARIANTS: Record<ConversationStatus, BadgeProps["variant"]> = {
  BOT_HANDLING: "secondary",
  HUMAN_HANDLING: "success",
  OPEN: "warning",
  WAITING_FOR_CUSTOMER: "outline",
  CLOSED: "muted",
};

export function ConversationStatusBadge({ status }: { status: ConversationStatus }) {
  const t = useTranslations("contacts.status");
  return (
    <Badge variant={VARIANTS[status]} data-status={status}>
      {t(status)}
    </Badge>
  );
}
