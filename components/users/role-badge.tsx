"use client";

import { ShieldCheckIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

export function RoleBadge({ role }: { role: "ADMIN" | "AGENT" }) {
  const t = useTranslations("roles");
  return role === "ADMIN" ? (
    <Badge variant="outline" className="gap-1 border-primary/30 bg-primary/5 text-primary dark:bg-primary/10">
      <ShieldCheckIcon />
      {t("ADMIN")}
    </Badge>
  ) : (
    <Badge variant="muted">{t("AGENT")}</Badge>
  );
}

export function RoleOptions() {
  const t = useTranslations("roles");
  return (
    <>
      <option value="AGENT">{t("AGENT")}</option>
      <option value="ADMIN">{t("ADMIN")}</option>
    </>
  );
}
