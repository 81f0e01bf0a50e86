"use client";

import { PlusIcon, Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { NAME_RE, type ParamRow } from "./tool-form-model";

/** The tool's parameters: what the LLM (or the agent) must fill in, used in the request as {{name}}. */
export function ParametersEditor({ rows, onChange, error }: { rows: ParamRow[]; onChange: (rows: ParamRow[]) => void; error?: string }) {
  const t = useTranslations("botTools.params");
  const set = (i: number, p: Partial<ParamRow>) => onChange(rows.map((x, j) => (j === i ? { ...x, ...p } : x)));
  return (
    <fieldset className="grid gap-2" data-testid="tool-params">
      <legend className="mb-1 text-sm font-medium">{t("title")}</legend>
      <p className="text-xs text-muted-foreground">{t("help")}</p>
      {rows.map((r, i) => {
        const bad = r.name.trim() !== "" && !NAME_RE.test(r.name.trim());
        return (
          <div key={i} className="grid gap-2 rounded-md border p-2.5 sm:grid-cols-[minmax(0,1fr)_7rem_auto_auto]" data-testid="tool-param-row">
            <Input value={r.name} onChange={(e) => set(i, { name: e.target.value })} placeholder={t("name")} aria-label={t("nameN", { n: i + 1 })} aria-invalid={bad || undefined} className="font-mono text-xs" data-testid={`tool-param-name-${i}`} />
            <NativeSelect value={r.type} onChange={(e) => set(i, { type: e.target.value as ParamRow["type"] })} aria-label={t("typeN", { n: i + 1 })} data-testid={`tool-param-type-${i}`}>
              <option value="string">{t("string")}</option>
              <option value="number">{t("number")}</option>
              <option value="boolean">{t("boolean")}</option>
            </NativeSelect>
            <label className="flex items-center gap-2 text-sm">
              <Checkbox checked={r.required} onCheckedChange={(on) => set(i, { required: on === true })} data-testid={`tool-param-required-${i}`} />
              {t("required")}
            </label>
            <Button type="button" variant="ghost" size="icon-sm" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={t("remove", { n: i + 1 })} data-testid={`tool-param-remove-${i}`}>
              <Trash2Icon />
            </Button>
            <Input value={r.description} onChange={(e) => set(i, { description: e.target.value })} placeholder={t("description")} aria-label={t("descriptionN", { n: i + 1 })} maxLength={500} className="sm:col-span-2" data-testid={`tool-param-description-${i}`} />
            <Input
              value={r.enumText}
              onChange={(e) => set(i, { enumText: e.target.value })}
              placeholder={t("enum")}
              aria-label={t("enumN", { n: i + 1 })}
              disabled={r.type === "boolean"}
              className="sm:col-span-2"
              data-testid={`tool-param-enum-${i}`}
            />
            {bad && <p className="text-xs text-destructive sm:col-span-4">{t("badName")}</p>}
          </div>
        );
      })}
      {error && <p className="text-xs text-destructive" role="alert">{error}</p>}
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="w-fit"
        onClick={() => onChange([...rows, { name: "", type: "string", required: true, description: "", enumText: "" }])}
        data-testid="tool-param-add"
      >
        <PlusIcon />
        {t("add")}
      </Button>
    </fieldset>
  );
}
