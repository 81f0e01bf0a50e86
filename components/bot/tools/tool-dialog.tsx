"use client";

import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/sonner";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { useFieldErrors } from "@/components/common/use-api-errors";
import { useConnections, useSaveTool, type Tool, type ToolBody } from "@/lib/client/bot-tools";
import { KeyValueEditor } from "./key-value-editor";
import { ParametersEditor } from "./parameters-editor";
import { NAME_RE, pairsOf, paramsOf, recordOf, rowsOf, TOOL_NAME_RE } from "./tool-form-model";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export function ToolDialog({ open, tool, onClose }: { open: boolean; tool: Tool | null; onClose: () => void }) {
  const t = useTranslations("botTools.dialog");
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{tool ? t("editTitle") : t("createTitle")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        {open && <ToolForm key={tool?.id ?? "new"} tool={tool} onClose={onClose} />}
      </DialogContent>
    </Dialog>
  );
}

function ToolForm({ tool, onClose }: { tool: Tool | null; onClose: () => void }) {
  const t = useTranslations("botTools.dialog");
  const tf = useTranslations("errors.field");
  const save = useSaveTool();
  const connections = useConnections();
  const { errors, setErrors, report, clear } = useFieldErrors();
  const [name, setName] = useState(tool?.name ?? "");
  const [description, setDescription] = useState(tool?.description ?? "");
  const [method, setMethod] = useState<Tool["method"]>(tool?.method ?? "GET");
  const [connectionId, setConnectionId] = useState(tool?.connectionId ?? "");
  const [url, setUrl] = useState(tool?.url ?? "");
  const [params, setParams] = useState(rowsOf(tool?.parameters ?? []));
  const [headers, setHeaders] = useState(pairsOf(tool?.headers));
  const [query, setQuery] = useState(pairsOf(tool?.query));
  const [bodyTemplate, setBodyTemplate] = useState(tool?.bodyTemplate ?? "");
  const [responsePath, setResponsePath] = useState(tool?.responsePath ?? "");
  const [timeoutMs, setTimeoutMs] = useState(String(tool?.timeoutMs ?? 10000));
  const [isActive, setIsActive] = useState(tool?.isActive ?? true);
  const [availableToAgents, setAvailableToAgents] = useState(tool?.availableToAgents ?? false);
  const activeId = useId();
  const agentsId = useId();
  const hasBody = method !== "GET" && method !== "DELETE";

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const problems: Record<string, string> = {};
    if (!TOOL_NAME_RE.test(name.trim())) problems.name = t("nameRule");
    if (!description.trim()) problems.description = tf("required");
    if (!url.trim()) problems.url = tf("required");
    else if (!connectionId && !/^https?:\/\//i.test(url.trim())) problems.url = t("urlRule");
    if (params.some((p) => p.name.trim() && !NAME_RE.test(p.name.trim()))) problems.parameters = t("paramsRule");
    const timeout = Number(timeoutMs);
    if (!Number.isInteger(timeout) || timeout < 500 || timeout > 30000) problems.timeoutMs = t("timeoutRule");
    if (Object.keys(problems).length) return setErrors(problems);
    const body: ToolBody = {
      name: name.trim(),
      description: description.trim(),
      method,
      url: url.trim(),
      connectionId: connectionId || null,
      parameters: paramsOf(params),
      headers: recordOf(headers),
      query: recordOf(query),
      bodyTemplate: hasBody && bodyTemplate.trim() ? bodyTemplate : null,
      responsePath: responsePath.trim() || null,
      timeoutMs: timeout,
      isActive,
      availableToAgents,
    };
    try {
      const saved = await save.mutateAsync({ id: tool?.id, ...body });
      toast.success(tool ? t("updated", { name: saved.name }) : t("created", { name: saved.name }));
      onClose();
    } catch (err) {
      report(err);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t("name")} error={errors.name} required description={t("nameHelp")}>
          <Input value={name} onChange={(e) => (setName(e.target.value), clear("name"))} maxLength={64} className="font-mono" data-testid="tool-name" />
        </FormField>
        <FormField label={t("timeout")} error={errors.timeoutMs}>
          <Input type="number" inputMode="numeric" min={500} max={30000} step={500} value={timeoutMs} onChange={(e) => (setTimeoutMs(e.target.value), clear("timeoutMs"))} data-testid="tool-timeout" />
        </FormField>
      </div>
      <FormField label={t("descriptionLabel")} error={errors.description} required description={t("descriptionHelp")}>
        <Textarea rows={2} maxLength={1000} value={description} onChange={(e) => (setDescription(e.target.value), clear("description"))} data-testid="tool-description" />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-[7rem_minmax(0,1fr)]">
        <FormField label={t("method")}>
          <NativeSelect value={method} onChange={(e) => setMethod(e.target.value as Tool["method"])} data-testid="tool-method">
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField label={t("connection")} description={connectionId ? t("connectionHelp") : undefined}>
          <NativeSelect value={connectionId} onChange={(e) => (setConnectionId(e.target.value), clear("url"))} data-testid="tool-connection">
            <option value="">{t("noConnection")}</option>
            {(connections.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} — {c.baseUrl}
              </option>
            ))}
          </NativeSelect>
        </FormField>
      </div>
      <FormField label={connectionId ? t("path") : t("url")} error={errors.url} required description={t("urlHelp")}>
        <Input value={url} onChange={(e) => (setUrl(e.target.value), clear("url"))} placeholder={connectionId ? "/orders/{{orderId}}" : "https://api.example.com/orders/{{orderId}}"} className="font-mono text-xs" data-testid="tool-url" />
      </FormField>
      <ParametersEditor rows={params} onChange={(rows) => (setParams(rows), clear("parameters"))} error={errors.parameters} />
      <div className="grid gap-4 md:grid-cols-2">
        <KeyValueEditor label={t("headers")} pairs={headers} onChange={setHeaders} testId="tool-headers" />
        <KeyValueEditor label={t("query")} pairs={query} onChange={setQuery} testId="tool-query" />
      </div>
      {hasBody && (
        <FormField label={t("body")} description={t("bodyHelp")}>
          <Textarea rows={4} value={bodyTemplate} onChange={(e) => setBodyTemplate(e.target.value)} placeholder={'{"orderId": "{{orderId}}"}'} className="font-mono text-xs" data-testid="tool-body" />
        </FormField>
      )}
      <FormField label={t("responsePath")} description={t("responsePathHelp")}>
        <Input value={responsePath} onChange={(e) => setResponsePath(e.target.value)} placeholder="data.items" className="font-mono text-xs" data-testid="tool-response-path" />
      </FormField>
      <div className="flex flex-wrap gap-x-6 gap-y-3">
        <div className="flex items-center gap-2">
          <Switch id={activeId} checked={isActive} onCheckedChange={setIsActive} data-testid="tool-active" />
          <Label htmlFor={activeId}>{t("active")}</Label>
        </div>
        <div className="flex items-center gap-2">
          <Switch id={agentsId} checked={availableToAgents} onCheckedChange={setAvailableToAgents} data-testid="tool-agents" />
          <Label htmlFor={agentsId}>{t("availableToAgents")}</Label>
        </div>
      </div>
      <FormDialogFooter onCancel={onClose} cancelLabel={t("cancel")} submitLabel={tool ? t("save") : t("create")} pendingLabel={t("saving")} pending={save.isPending} submitTestId="tool-submit" />
    </form>
  );
}
