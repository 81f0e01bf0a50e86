"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { cn } from "@/lib/utils";

type Row = { id: string; title: string; description: string | null };

/** The sheet WhatsApp opens for a list message: sections of rows, one choice, then Send. */
export function ListPicker({
  open,
  setOpen,
  title,
  sections,
  onPick,
}: {
  open: boolean;
  setOpen: (open: boolean) => void;
  title: string;
  sections: { title: string | null; rows: Row[] }[];
  onPick: (row: Row) => void;
}) {
  const t = useTranslations("sandbox.phone");
  const [choice, setChoice] = useState<string | null>(null);
  const rows = sections.flatMap((s) => s.rows);
  const send = () => {
    const row = rows.find((r) => r.id === choice);
    if (!row) return;
    setOpen(false);
    setChoice(null);
    onPick(row);
  };
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogContent className="sm:max-w-sm">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{t("listChoose")}</DialogDescription>
        </DialogHeader>
        <div className="-mx-2 flex max-h-80 flex-col gap-3 overflow-y-auto px-2" role="radiogroup" aria-label={title}>
          {sections.map((s, i) => (
            <fieldset key={i} className="flex flex-col gap-1">
              {s.title && <legend className="pb-1 text-xs font-medium tracking-wide text-emerald-700 uppercase dark:text-emerald-400">{s.title}</legend>}
              {s.rows.map((r) => (
                <label
                  key={r.id}
                  className={cn(
                    "flex cursor-pointer items-center gap-3 rounded-md border px-3 py-2 transition-colors hover:bg-muted/60",
                    choice === r.id && "border-emerald-500 bg-emerald-50 dark:bg-emerald-500/10",
                  )}
                >
                  <span className="min-w-0 flex-1">
                    <span className="block text-sm font-medium">{r.title}</span>
                    {r.description && <span className="block text-xs text-muted-foreground">{r.description}</span>}
                  </span>
                  <input type="radio" name="sandbox-list" value={r.id} checked={choice === r.id} onChange={() => setChoice(r.id)} className="size-4 accent-emerald-600" data-testid="sandbox-list-row" />
                </label>
              ))}
            </fieldset>
          ))}
        </div>
        <DialogFooter>
          <Button onClick={send} disabled={!choice} className="bg-emerald-600 text-white hover:bg-emerald-700" data-testid="sandbox-list-send">
            {t("send")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
