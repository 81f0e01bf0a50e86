"use client";

import { useState } from "react";
import { EyeIcon, EyeOffIcon, Undo2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/sonner";
import { PasswordInput } from "@/components/common/password-input";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useRevealKey } from "@/lib/client/bot";

type Masked = { isSet: boolean; masked: string | null };

/**
 * A write-only key: the stored one shows masked (admins may reveal it, audited); `value` undefined keeps it, a string
 * replaces it, null removes it when the form is saved.
 */
export function ApiKeyField({
  id,
  stored,
  value,
  onChange,
  revealOf,
  describedBy,
  testId,
}: {
  id: string;
  stored: Masked | null;
  value: string | null | undefined;
  onChange: (v: string | null | undefined) => void;
  revealOf?: { configId: string } | { presetId: string };
  describedBy?: string;
  testId: string;
}) {
  const t = useTranslations("bot.apiKey");
  const reveal = useRevealKey();
  const errorMessage = useErrorMessage();
  const [revealed, setRevealed] = useState<string | null>(null);

  if (value === null)
    return (
      <div className="flex items-center gap-2 rounded-md border border-dashed px-3 py-1.5 text-sm text-muted-foreground">
        <span className="flex-1">{t("willClear")}</span>
        <Button variant="ghost" size="sm" onClick={() => onChange(undefined)} data-testid={`${testId}-undo`}>
          <Undo2Icon />
          {t("undo")}
        </Button>
      </div>
    );

  if (stored?.isSet && value === undefined)
    return (
      <div className="flex flex-wrap items-center gap-2">
        <output id={id} aria-describedby={describedBy} className="min-w-0 flex-1 truncate rounded-md border bg-muted/40 px-3 py-1.5 font-mono text-sm" data-testid={`${testId}-masked`}>
          {revealed ?? stored.masked ?? "••••••••"}
        </output>
        {revealOf && (
          <Button
            variant="ghost"
            size="sm"
            disabled={reveal.isPending}
            aria-pressed={revealed !== null}
            onClick={() => {
              if (revealed !== null) return setRevealed(null);
              reveal.mutate(revealOf, { onSuccess: (r) => setRevealed(r.apiKey ?? ""), onError: (e) => toast.error(errorMessage(e)) });
            }}
            data-testid={`${testId}-reveal`}
          >
            {reveal.isPending ? <Spinner label={t("revealing")} /> : revealed !== null ? <EyeOffIcon /> : <EyeIcon />}
            {revealed !== null ? t("hide") : t("reveal")}
          </Button>
        )}
        <Button variant="outline" size="sm" onClick={() => onChange("")} data-testid={`${testId}-change`}>
          {t("change")}
        </Button>
        <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" onClick={() => onChange(null)} data-testid={`${testId}-clear`}>
          {t("clear")}
        </Button>
      </div>
    );

  return (
    <div className="flex items-center gap-2">
      <div className="min-w-0 flex-1">
        <PasswordInput
          id={id}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          value={value ?? ""}
          onChange={(e) => onChange(e.target.value)}
          placeholder={t("placeholder")}
          className="font-mono"
          data-testid={testId}
        />
      </div>
      {stored?.isSet && (
        <Button variant="ghost" size="sm" onClick={() => onChange(undefined)} data-testid={`${testId}-cancel`}>
          {t("keep")}
        </Button>
      )}
    </div>
  );
}
