"use client";

import { PlusIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { Pair } from "./tool-form-model";

/** Headers or query parameters as editable rows; values may use {{param}} placeholders. */
export function KeyValueEditor({ label, pairs, onChange, testId }: { label: string; pairs: Pair[]; onChange: (pairs: Pair[]) => void; testId: string }) {
  const t = useTranslations("botTools.kv");
  const set = (i: number, p: Partial<Pair>) => onChange(pairs.map((x, j) => (j === i ? { ...x, ...p } : x)));
  return (
    <fieldset className="grid gap-2" data-testid={testId}>
      <legend className="mb-1.5 text-sm font-medium">{label}</legend>
      {pairs.map((p, i) => (
        <div key={i} className="flex items-center gap-2">
          <Input value={p.key} onChange={(e) => set(i, { key: e.target.value })} placeholder={t("key")} aria-label={t("keyN", { n: i + 1 })} className="w-2/5 font-mono text-xs" data-testid={`${testId}-key-${i}`} />
          <Input value={p.value} onChange={(e) => set(i, { value: e.target.value })} placeholder={t("value")} aria-label={t("valueN", { n: i + 1 })} className="flex-1 font-mono text-xs" data-testid={`${testId}-value-${i}`} />
          <Button type="button" variant="ghost" size="icon-sm" onClick={() => onChange(pairs.filter((_, j) => j !== i))} aria-label={t("remove", { n: i + 1 })} data-testid={`${testId}-remove-${i}`}>
            <XIcon />
          </Button>
        </div>
      ))}
      <Button type="button" variant="outline" size="sm" className="w-fit" onClick={() => onChange([...pairs, { key: "", value: "" }])} data-testid={`${testId}-add`}>
        <PlusIcon />
        {t("add")}
      </Button>
    </fieldset>
  );
}
