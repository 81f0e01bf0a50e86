"use client";

import { useRef, type ReactNode } from "react";
import { BracesIcon, PlusIcon, Trash2Icon, UploadIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/sonner";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useUploadTemplateMedia } from "@/lib/client/templates";
import { cn } from "@/lib/utils";
import { LIMITS, newButton, variableCount, type ButtonType, type EditorState, type HeaderFormat } from "./editor-state";

export type Patch = (change: Partial<EditorState>) => void;

/** "12/60", red past the limit. */
export function Counter({ value, max }: { value: string; max: number }) {
  return <span className={cn("text-xs tabular-nums", value.length > max ? "font-medium text-destructive" : "text-muted-foreground")}>{`${value.length}/${max}`}</span>;
}

export function Section({ title, hint, children, aside }: { title: string; hint?: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border p-4">
      <div className="flex items-start justify-between gap-2">
        <div>
          <legend className="text-sm font-semibold">{title}</legend>
          {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
        </div>
        {aside}
      </div>
      {children}
    </fieldset>
  );
}

const ACCEPT: Record<string, string> = { IMAGE: "image/jpeg,image/png", VIDEO: "video/mp4", DOCUMENT: "application/pdf" };

export function HeaderFields({ state, patch }: { state: EditorState; patch: Patch }) {
  const t = useTranslations("templates.editor");
  const upload = useUploadTemplateMedia();
  const errorMessage = useErrorMessage();
  const file = useRef<HTMLInputElement>(null);
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    try {
      const media = await upload.mutateAsync(f);
      patch({ headerHandle: media.handle, headerFileId: media.fileId, headerPreviewUrl: media.url, headerFileName: f.name });
      toast.success(t("uploaded"));
    } catch (e) {
      toast.error(errorMessage(e));
    } finally {
      if (file.current) file.current.value = "";
    }
  };
  const format = state.headerFormat;
  return (
    <Section title={t("header")} hint={t("headerHint")}>
      <NativeSelect
        aria-label={t("headerFormat")}
        data-testid="template-header-format"
        value={format}
        onChange={(e) => patch({ headerFormat: e.target.value as HeaderFormat, headerHandle: "", headerFileId: null, headerPreviewUrl: null, headerFileName: null })}
      >
        {(["NONE", "TEXT", "IMAGE", "VIDEO", "DOCUMENT"] as const).map((f) => (
          <option key={f} value={f}>
            {t(`headerFormats.${f}`)}
          </option>
        ))}
      </NativeSelect>
      {format === "TEXT" && (
        <>
          <div className="grid gap-1.5">
            <div className="flex items-center justify-between">
              <Label htmlFor="template-header-text">{t("headerText")}</Label>
              <Counter value={state.headerText} max={LIMITS.header} />
            </div>
            <Input id="template-header-text" data-testid="template-header-text" value={state.headerText} onChange={(e) => patch({ headerText: e.target.value.replace(/\n/g, " ") })} />
          </div>
          {variableCount(state.headerText) > 0 && (
            <div className="grid gap-1.5">
              <Label htmlFor="template-header-example">{t("sampleFor", { variable: "{{1}}" })}</Label>
              <Input id="template-header-example" data-testid="template-header-example" value={state.headerExample} onChange={(e) => patch({ headerExample: e.target.value })} />
            </div>
          )}
        </>
      )}
      {format !== "NONE" && format !== "TEXT" && (
        <div className="flex flex-wrap items-center gap-3">
          <input ref={file} type="file" accept={ACCEPT[format]} className="sr-only" data-testid="template-header-file" onChange={(e) => void onFile(e.target.files?.[0])} />
          <Button type="button" variant="outline" size="sm" onClick={() => file.current?.click()} disabled={upload.isPending}>
            {upload.isPending ? <Spinner /> : <UploadIcon />}
            {state.headerHandle ? t("replaceFile") : t("uploadFile")}
          </Button>
          <span className="text-xs text-muted-foreground">{state.headerHandle ? (state.headerFileName ?? t("fileReady")) : t(`limits.${format}`)}</span>
        </div>
      )}
    </Section>
  );
}

export function BodyFields({ state, patch }: { state: EditorState; patch: Patch }) {
  const t = useTranslations("templates.editor");
  const area = useRef<HTMLTextAreaElement>(null);
  const count = variableCount(state.body);
  // Inserts the next {{n}} where the cursor is, so variables stay numbered in order.
  const addVariable = () => {
    const el = area.current;
    const token = `{{${count + 1}}}`;
    const start = el?.selectionStart ?? state.body.length;
    const end = el?.selectionEnd ?? state.body.length;
    patch({ body: state.body.slice(0, start) + token + state.body.slice(end) });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  return (
    <Section
      title={t("body")}
      hint={t("bodyHint")}
      aside={
        <Button type="button" variant="outline" size="sm" onClick={addVariable} data-testid="template-add-variable">
          <BracesIcon />
          {t("addVariable")}
        </Button>
      }
    >
      <div className="grid gap-1.5">
        <div className="flex items-center justify-between">
          <Label htmlFor="template-body">{t("bodyText")}</Label>
          <Counter value={state.body} max={LIMITS.body} />
        </div>
        <Textarea id="template-body" ref={area} rows={6} data-testid="template-body" value={state.body} onChange={(e) => patch({ body: e.target.value })} placeholder={t("bodyPlaceholder")} />
      </div>
      {count > 0 && (
        <div className="grid gap-2 rounded-md bg-muted/50 p-3" data-testid="template-variables">
          <p className="text-xs font-medium">{t("samplesTitle")}</p>
          <div className="grid gap-2 sm:grid-cols-2">
            {Array.from({ length: count }, (_, i) => (
              <div key={i} className="flex items-center gap-2">
                <code className="w-10 shrink-0 font-mono text-xs text-muted-foreground">{`{{${i + 1}}}`}</code>
                <Input
                  aria-label={t("sampleFor", { variable: `{{${i + 1}}}` })}
                  data-testid={`template-sample-${i + 1}`}
                  value={state.bodyExamples[i] ?? ""}
                  onChange={(e) => {
                    const next = [...state.bodyExamples];
                    next[i] = e.target.value;
                    patch({ bodyExamples: next });
                  }}
                />
              </div>
            ))}
          </div>
        </div>
      )}
    </Section>
  );
}

export function FooterFields({ state, patch }: { state: EditorState; patch: Patch }) {
  const t = useTranslations("templates.editor");
  return (
    <Section title={t("footer")} hint={t("footerHint")} aside={<Counter value={state.footer} max={LIMITS.footer} />}>
      <Input aria-label={t("footer")} data-testid="template-footer" value={state.footer} onChange={(e) => patch({ footer: e.target.value })} />
    </Section>
  );
}

const LIMIT_OF: Record<ButtonType, number> = { QUICK_REPLY: 10, URL: LIMITS.url, PHONE_NUMBER: LIMITS.phone };

export function ButtonsFields({ state, patch }: { state: EditorState; patch: Patch }) {
  const t = useTranslations("templates.editor");
  const update = (key: string, change: Partial<EditorState["buttons"][number]>) => patch({ buttons: state.buttons.map((b) => (b.key === key ? { ...b, ...change } : b)) });
  const countOf = (type: ButtonType) => state.buttons.filter((b) => b.type === type).length;
  const canAdd = (type: ButtonType) => state.buttons.length < LIMITS.buttons && countOf(type) < LIMIT_OF[type];
  return (
    <Section title={t("buttons")} hint={t("buttonsHint")}>
      {state.buttons.map((b, i) => (
        <div key={b.key} className="grid gap-2 rounded-md border bg-muted/30 p-3" data-testid="template-button">
          <div className="flex items-center justify-between gap-2">
            <span className="text-xs font-medium text-muted-foreground">{t(`buttonTypes.${b.type}`)}</span>
            <Button type="button" variant="ghost" size="icon-sm" aria-label={t("removeButton", { n: i + 1 })} onClick={() => patch({ buttons: state.buttons.filter((x) => x.key !== b.key) })}>
              <Trash2Icon />
            </Button>
          </div>
          <div className="flex items-center gap-2">
            <Input aria-label={t("buttonText")} placeholder={t("buttonText")} data-testid="template-button-text" value={b.text} onChange={(e) => update(b.key, { text: e.target.value })} />
            <Counter value={b.text} max={LIMITS.button} />
          </div>
          {b.type === "URL" && (
            <>
              <Input aria-label={t("url")} placeholder="https://example.com/orders/{{1}}" value={b.url} onChange={(e) => update(b.key, { url: e.target.value })} />
              {variableCount(b.url) > 0 && <Input aria-label={t("urlExample")} placeholder={t("urlExample")} value={b.urlExample} onChange={(e) => update(b.key, { urlExample: e.target.value })} />}
            </>
          )}
          {b.type === "PHONE_NUMBER" && <Input aria-label={t("phone")} placeholder="+52 55 1234 5678" value={b.phone} onChange={(e) => update(b.key, { phone: e.target.value })} />}
        </div>
      ))}
      <div className="flex flex-wrap gap-2">
        {(["QUICK_REPLY", "URL", "PHONE_NUMBER"] as const).map((type) => (
          <Button key={type} type="button" variant="outline" size="sm" disabled={!canAdd(type)} data-testid={`template-add-${type.toLowerCase()}`} onClick={() => patch({ buttons: [...state.buttons, newButton(type)] })}>
            <PlusIcon />
            {t(`buttonTypes.${type}`)}
          </Button>
        ))}
      </div>
    </Section>
  );
}
