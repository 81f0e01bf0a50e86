"use client";

import { useMemo, useState, type FormEvent } from "react";
import { ArrowLeftIcon, FileTextIcon, SendHorizontalIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { SearchInput } from "@/components/common/search-input";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { stateFromTemplate } from "@/components/templates/editor-state";
import { TemplatePreview } from "@/components/templates/template-preview";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/sonner";
import { useTemplates, type Template } from "@/lib/client/templates";
import { useSendTemplate } from "@/lib/client/thread";

const PLACEHOLDER = /\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g;
const namesIn = (text: string) => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
const textOf = (t: Template, type: string) => {
  const c = t.components.find((x) => String(x.type).toUpperCase() === type);
  return c && (type !== "HEADER" || String(c.format ?? "TEXT").toUpperCase() === "TEXT") ? String(c.text ?? "") : "";
};

/** The variables a template asks for: its text header's one and the body's, positional ({{1}}) or named ({{name}}). */
function variablesOf(t: Template) {
  const body = namesIn(textOf(t, "BODY"));
  const positional = body.every((n) => /^\d+$/.test(n));
  return { header: namesIn(textOf(t, "HEADER"))[0] ?? null, body: positional ? body.sort((a, b) => Number(a) - Number(b)) : body, positional };
}

function TemplateForm({ template, conversationId, onBack, onSent }: { template: Template; conversationId: string; onBack: () => void; onSent: () => void }) {
  const t = useTranslations("thread.templates");
  const errorMessage = useErrorMessage();
  const send = useSendTemplate(conversationId);
  const vars = useMemo(() => variablesOf(template), [template]);
  const [values, setValues] = useState<Record<string, string>>({});
  const set = (key: string, v: string) => setValues((prev) => ({ ...prev, [key]: v }));
  const preview = useMemo(() => {
    const s = stateFromTemplate(template);
    return { ...s, headerExample: values["header"] ?? "", bodyExamples: vars.positional ? vars.body.map((n) => values[`body.${n}`] ?? "") : [] };
  }, [template, values, vars]);
  const missing = [...(vars.header ? ["header"] : []), ...vars.body.map((n) => `body.${n}`)].some((k) => !values[k]?.trim());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (missing) return;
    const body = vars.body.length ? (vars.positional ? vars.body.map((n) => values[`body.${n}`].trim()) : Object.fromEntries(vars.body.map((n) => [n, values[`body.${n}`].trim()]))) : undefined;
    const parameters = { ...(vars.header ? { header: { text: values["header"].trim() } } : {}), ...(body ? { body } : {}) };
    try {
      await send.mutateAsync({ kind: "template", name: template.name, language: template.language, ...(Object.keys(parameters).length ? { parameters } : {}) });
      toast.success(t("sent", { name: template.name }));
      onSent();
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };

  const field = (key: string, label: string) => (
    <div key={key} className="flex flex-col gap-1">
      <Label htmlFor={`tpl-${key}`} className="text-xs">
        {label}
      </Label>
      <Input id={`tpl-${key}`} value={values[key] ?? ""} onChange={(e) => set(key, e.target.value)} maxLength={key === "header" ? 60 : 1024} required data-testid={`template-var-${key}`} />
    </div>
  );

  return (
    <form onSubmit={submit} className="grid gap-4 @2xl:grid-cols-[1fr_minmax(0,280px)]" data-testid="template-form">
      <div className="flex min-w-0 flex-col gap-3">
        <div className="flex items-center gap-2">
          <Button type="button" variant="ghost" size="icon-sm" onClick={onBack} aria-label={t("back")} data-testid="template-back">
            <ArrowLeftIcon />
          </Button>
          <p className="min-w-0 truncate text-sm font-medium">
            {template.name} <span className="text-xs font-normal text-muted-foreground">· {template.language}</span>
          </p>
        </div>
        {vars.header && field("header", t("headerVar", { name: `{{${vars.header}}}` }))}
        {vars.body.map((n) => field(`body.${n}`, t("bodyVar", { name: `{{${n}}}` })))}
        {!vars.header && vars.body.length === 0 && <p className="text-sm text-muted-foreground">{t("noVariables")}</p>}
        <Button type="submit" disabled={missing || send.isPending} className="self-start" data-testid="template-send">
          <SendHorizontalIcon />
          {send.isPending ? t("sending") : t("send")}
        </Button>
      </div>
      <div className="hidden @2xl:block">
        <TemplatePreview state={preview} />
      </div>
    </form>
  );
}

/** Outside the 24-hour window only approved templates may be sent: pick one, fill its variables, send. */
export function TemplatePicker({ conversationId }: { conversationId: string }) {
  const t = useTranslations("thread.templates");
  const [search, setSearch] = useState("");
  const [picked, setPicked] = useState<Template | null>(null);
  const templates = useTemplates({ status: "APPROVED", limit: 100 });
  const list = (templates.data?.data ?? []).filter((x) => !search.trim() || x.name.includes(search.trim().toLowerCase()) || textOf(x, "BODY").toLowerCase().includes(search.trim().toLowerCase()));

  return (
    <div className="flex max-h-[55dvh] flex-col gap-3 overflow-y-auto p-3" data-testid="template-picker">
      {picked ? (
        <TemplateForm template={picked} conversationId={conversationId} onBack={() => setPicked(null)} onSent={() => setPicked(null)} />
      ) : (
        <>
          <SearchInput value={search} onValueChange={setSearch} placeholder={t("search")} aria-label={t("search")} data-testid="template-search" />
          {templates.isLoading ? (
            <div className="flex flex-col gap-2">
              <Skeleton className="h-12 w-full" />
              <Skeleton className="h-12 w-full" />
            </div>
          ) : templates.error ? (
            <p className="text-sm text-destructive" role="alert">{t("loadFailed")}</p>
          ) : list.length === 0 ? (
            <p className="py-4 text-center text-sm text-muted-foreground">{t("none")}</p>
          ) : (
            <ul className="flex flex-col gap-1" aria-label={t("title")}>
              {list.map((x) => (
                <li key={x.id}>
                  <button
                    type="button"
                    onClick={() => setPicked(x)}
                    className="flex w-full items-start gap-2.5 rounded-md border px-3 py-2 text-left hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none"
                    data-testid={`template-option-${x.name}`}
                  >
                    <FileTextIcon className="mt-0.5 size-4 shrink-0 text-emerald-600" aria-hidden="true" />
                    <span className="min-w-0">
                      <span className="block truncate text-sm font-medium">
                        {x.name} <span className="text-xs font-normal text-muted-foreground">· {x.language}</span>
                      </span>
                      <span className="line-clamp-2 text-xs text-muted-foreground">{textOf(x, "BODY")}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
