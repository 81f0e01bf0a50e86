"use client";

import { useTranslations } from "next-intl";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { Template } from "@/lib/client/templates";

const VARIANT: Record<Template["status"], BadgeProps["variant"]> = {
  DRAFT: "muted",
  PENDING: "warning",
  APPROVED: "success",
  REJECTED: "destructive",
  PAUSED: "warning",
  DISABLED: "destructive",
  REMOVED: "muted",
};

export function TemplateStatusBadge({ status }: { status: Template["status"] }) {
  const t = useTranslations("templates.status");
  return (
    <Badge variant={VARIANT[status]} data-testid="template-status" data-status={status}>
      {t(status)}
    </Badge>
  );
}
