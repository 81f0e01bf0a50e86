"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { fillPlaceholders, PLACEHOLDERS, type Placeholder } from "@/lib/inbox/placeholders";
import { useMe } from "@/lib/client/me";

const token = (p: Placeholder) => `{{${p}}}`;

/** Chips that insert a placeholder at the cursor, what each one becomes, and the body filled with sample values. */
export function PlaceholderHelp({ body, onInsert }: { body: string; onInsert: (token: string) => void }) {
  const t = useTranslations("quickRepliesSettings.placeholders");
  const me = useMe();
  const preview = fillPlaceholders(body, { contactName: t("sampleName"), phone: "5215512345678", agentName: me.user?.name ?? null, orgName: me.organization.name });
  return (
    <div className="grid gap-2 rounded-md border bg-muted/40 p-3 text-sm">
      <p className="text-xs text-muted-foreground">{t("help")}</p>
      <div className="flex flex-wrap gap-1.5" role="group" aria-label={t("label")}>
        {PLACEHOLDERS.map((p) => (
          <Button key={p} type="button" variant="outline" size="sm" className="h-7 px-2 font-mono text-xs" title={t(p)} aria-label={t("insert", { what: t(p) })} onClick={() => onInsert(token(p))} data-testid={`placeholder-${p}`}>
            {token(p)}
          </Button>
        ))}
      </div>
      {body.trim() && (
        <div className="grid gap-1">
          <span className="text-xs font-medium text-muted-foreground">{t("preview")}</span>
          <p className="rounded-md bg-background p-2 whitespace-pre-wrap break-words" data-testid="quick-reply-preview">
            {preview}
          </p>
        </div>
      )}
    </div>
  );
}
