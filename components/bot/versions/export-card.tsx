"use client";

import { useId, useState } from "react";
import { FileArchiveIcon, FileJsonIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/sonner";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { downloadExport, type ExportTier } from "@/lib/client/bot-library";
import { cn } from "@/lib/utils";

const TIERS: ExportTier[] = ["config", "standard", "full"];

/** Download the config as a file: JSON, or ZIP with the binary files (media, documents) beside it. */
export function ExportCard({ configId }: { configId: string | null }) {
  const t = useTranslations("botLibrary.export");
  const errorMessage = useErrorMessage();
  const [tier, setTier] = useState<ExportTier>("standard");
  const zipHint = useId();
  const [busy, setBusy] = useState<"json" | "zip" | null>(null);

  const download = async (format: "json" | "zip") => {
    setBusy(format);
    try {
      await downloadExport(tier, configId, format);
    } catch (e) {
      toast.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card data-testid="export-card">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <fieldset className="grid gap-2 sm:grid-cols-3">
          <legend className="sr-only">{t("tier")}</legend>
          {TIERS.map((value) => (
            <label
              key={value}
              className={cn(
                "flex cursor-pointer flex-col gap-0.5 rounded-md border p-3 text-sm transition-colors has-[:focus-visible]:ring-[3px] has-[:focus-visible]:ring-ring/50",
                tier === value ? "border-primary bg-primary/5" : "hover:bg-muted/50",
              )}
            >
              <span className="flex items-center gap-2 font-medium">
                <input type="radio" name="export-tier" value={value} checked={tier === value} onChange={() => setTier(value)} className="accent-primary" data-testid={`export-tier-${value}`} />
                {t(`tiers.${value}.label`)}
              </span>
              <span className="text-xs text-muted-foreground">{t(`tiers.${value}.help`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" onClick={() => void download("json")} disabled={busy !== null} data-testid="export-json">
            {busy === "json" ? <Spinner /> : <FileJsonIcon />}
            {t("json")}
          </Button>
          <Button variant="outline" onClick={() => void download("zip")} disabled={busy !== null || tier === "config"} aria-describedby={tier === "config" ? zipHint : undefined} data-testid="export-zip">
            {busy === "zip" ? <Spinner /> : <FileArchiveIcon />}
            {t("zip")}
          </Button>
        </div>
        {tier === "config" && (
          <p id={zipHint} className="text-xs text-muted-foreground">
            {t("zipNeedsFiles")}
          </p>
        )}
      </CardContent>
    </Card>
  );
}
