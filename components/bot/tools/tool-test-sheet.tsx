"use client";

import { useState, type FormEvent } from "react";
import { PlayIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useTestTool, type Tool, type ToolParameter } from "@/lib/client/bot-tools";
import { JsonView } from "./json-view";

export function ToolTestSheet({ tool, onClose }: { tool: Tool | null; onClose: () => void }) {
  return (
    <Sheet open={Boolean(tool)} onOpenChange={(o) => !o && onClose()}>
      <SheetContent className="w-full sm:max-w-lg" data-testid="tool-test-sheet">
        {tool && <ToolTest key={tool.id} tool={tool} />}
      </SheetContent>
    </Sheet>
  );
}

function coerce(p: ToolParameter, raw: string | boolean): unknown {
  if (p.type === "boolean") return raw === true;
  if (p.type === "number") return raw === "" ? undefined : Number(raw);
  return raw === "" ? undefined : raw;
}

/** Fill the parameters, run the real request, and see what the bot would get back. */
function ToolTest({ tool }: { tool: Tool }) {
  const t = useTranslations("botTools.test");
  const errorMessage = useErrorMessage();
  const test = useTestTool();
  const [values, setValues] = useState<Record<string, string | boolean>>(() => Object.fromEntries(tool.parameters.map((p) => [p.name, p.type === "boolean" ? false : ""])));

  const run = (e: FormEvent) => {
    e.preventDefault();
    const params = Object.fromEntries(tool.parameters.map((p) => [p.name, coerce(p, values[p.name] ?? "")]).filter(([, v]) => v !== undefined));
    test.mutate({ id: tool.id, params });
  };
  const r = test.data;

  return (
    <>
      <SheetHeader>
        <SheetTitle className="pr-6 font-mono">{tool.name}</SheetTitle>
        <SheetDescription>
          <span className="font-mono text-xs">
            {tool.method} {tool.url}
          </span>
        </SheetDescription>
      </SheetHeader>
      <form onSubmit={run} className="flex flex-col gap-3 px-4">
        {tool.parameters.length === 0 && <p className="text-sm text-muted-foreground">{t("noParams")}</p>}
        {tool.parameters.map((p) => (
          <FormField key={p.name} label={<span className="font-mono">{p.name}</span>} required={p.required} description={p.description}>
            {p.type === "boolean" ? (
              <Checkbox checked={values[p.name] === true} onCheckedChange={(on) => setValues({ ...values, [p.name]: on === true })} data-testid={`tool-test-param-${p.name}`} />
            ) : p.enum?.length ? (
              <NativeSelect value={String(values[p.name] ?? "")} onChange={(e) => setValues({ ...values, [p.name]: e.target.value })} data-testid={`tool-test-param-${p.name}`}>
                <option value="">—</option>
                {p.enum.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </NativeSelect>
            ) : (
              <Input
                type={p.type === "number" ? "number" : "text"}
                value={String(values[p.name] ?? "")}
                onChange={(e) => setValues({ ...values, [p.name]: e.target.value })}
                data-testid={`tool-test-param-${p.name}`}
              />
            )}
          </FormField>
        ))}
        <Button type="submit" className="w-fit" disabled={test.isPending} data-testid="tool-test-run">
          {test.isPending ? <Spinner label={t("running")} /> : <PlayIcon />}
          {t("run")}
        </Button>
      </form>
      <div className="flex flex-col gap-3 px-4 pb-6" aria-live="polite">
        {test.isError && (
          <p role="alert" className="text-sm text-destructive" data-testid="tool-test-error">
            {errorMessage(test.error)}
          </p>
        )}
        {r && (
          <div className="flex flex-col gap-2" data-testid="tool-test-result" data-ok={r.ok}>
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <Badge variant={r.ok ? "success" : "destructive"}>{r.ok ? t("ok") : t("failed")}</Badge>
              {r.status !== null && <Badge variant="outline" data-testid="tool-test-status">HTTP {r.status}</Badge>}
              <span className="text-muted-foreground tabular-nums">{t("ms", { ms: r.ms })}</span>
            </div>
            <p className="font-mono text-xs break-all text-muted-foreground">
              {r.request.method} {r.request.url}
            </p>
            {r.error && (
              <p className="rounded-md border border-destructive/40 px-3 py-2 text-sm text-destructive" data-testid="tool-test-run-error">
                {r.error}
              </p>
            )}
            {r.result !== undefined && r.result !== null && <JsonView value={r.result} testId="tool-test-json" />}
          </div>
        )}
      </div>
    </>
  );
}
