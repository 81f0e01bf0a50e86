"use client";

import { useId, useState, type FormEvent } from "react";
import { EyeIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/sonner";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { PasswordInput } from "@/components/common/password-input";
import { useErrorMessage, useFieldErrors } from "@/components/common/use-api-errors";
import { fetchConnectionSecrets, SECRET_FIELDS, useSaveConnection, type AuthType, type Connection } from "@/lib/client/bot-tools";
import { KeyValueEditor } from "./key-value-editor";
import { pairsOf, recordOf } from "./tool-form-model";

const AUTH_TYPES: AuthType[] = ["NONE", "BEARER", "BASIC", "API_KEY"];

export function ConnectionDialog({ open, connection, onClose }: { open: boolean; connection: Connection | null; onClose: () => void }) {
  const t = useTranslations("botTools.connectionDialog");
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{connection ? t("editTitle") : t("createTitle")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        {open && <ConnectionForm key={connection?.id ?? "new"} connection={connection} onClose={onClose} />}
      </DialogContent>
    </Dialog>
  );
}

const plainStart = (c: Connection | null) => Object.fromEntries(Object.values(SECRET_FIELDS).flat().filter((f) => f.plain).map((f) => [f.key, c?.secrets[f.key] ?? ""]));

/**
 * Secrets are write-only: an empty field keeps the stored value (its masked hint is the placeholder); "reveal" fetches
 * them in full for an admin who needs to read them back.
 */
function ConnectionForm({ connection, onClose }: { connection: Connection | null; onClose: () => void }) {
  const ta = useTranslations("botTools.auth");
  const t = useTranslations("botTools.connectionDialog");
  const tf = useTranslations("errors.field");
  const save = useSaveConnection();
  const errorMessage = useErrorMessage();
  const { errors, setErrors, report, clear } = useFieldErrors();
  const [name, setName] = useState(connection?.name ?? "");
  const [description, setDescription] = useState(connection?.description ?? "");
  const [baseUrl, setBaseUrl] = useState(connection?.baseUrl ?? "");
  const [authType, setAuthType] = useState<AuthType>(connection?.authType ?? "NONE");
  const [secrets, setSecrets] = useState<Record<string, string>>(() => plainStart(connection));
  const [headers, setHeaders] = useState(pairsOf(connection?.headers));
  const [isActive, setIsActive] = useState(connection?.isActive ?? true);
  const [reveal, setReveal] = useState<"idle" | "loading" | "done">("idle");
  const activeId = useId();

  const revealSecrets = async (id: string) => {
    setReveal("loading");
    try {
      const r = await fetchConnectionSecrets(id);
      setSecrets((s) => ({ ...s, ...r.secrets }));
      setReveal("done");
    } catch (err) {
      toast.error(errorMessage(err));
      setReveal("idle");
    }
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = tf("required");
    if (!/^https?:\/\/\S+$/i.test(baseUrl.trim())) problems.baseUrl = t("urlRule");
    if (!connection) for (const f of SECRET_FIELDS[authType]) if (!f.plain && !secrets[f.key]?.trim()) problems[`secrets.${f.key}`] = tf("required");
    if (Object.keys(problems).length) return setErrors(problems);
    const fields = SECRET_FIELDS[authType];
    const out: Record<string, string | null> = {};
    for (const f of fields) {
      const v = secrets[f.key]?.trim() ?? "";
      if (f.plain) out[f.key] = v || null;
      else if (v) out[f.key] = v;
    }
    // Keys of another auth type are dropped, so a switch from BEARER to NONE forgets the token.
    for (const key of Object.keys(connection?.secrets ?? {})) if (!fields.some((f) => f.key === key)) out[key] = null;
    try {
      const saved = await save.mutateAsync({ id: connection?.id, name: name.trim(), description: description.trim() || null, baseUrl: baseUrl.trim(), authType, secrets: out, headers: recordOf(headers), isActive });
      toast.success(connection ? t("updated", { name: saved.name }) : t("created", { name: saved.name }));
      onClose();
    } catch (err) {
      report(err);
    }
  };

  const hasStored = connection && Object.keys(connection.secrets).length > 0;
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormField label={t("name")} error={errors.name} required>
        <Input value={name} maxLength={120} onChange={(e) => (setName(e.target.value), clear("name"))} data-testid="connection-name" />
      </FormField>
      <FormField label={t("descriptionLabel")}>
        <Input value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} data-testid="connection-description" />
      </FormField>
      <FormField label={t("baseUrl")} error={errors.baseUrl} required description={t("baseUrlHelp")}>
        <Input value={baseUrl} onChange={(e) => (setBaseUrl(e.target.value), clear("baseUrl"))} placeholder="https://api.example.com/v1" className="font-mono text-xs" data-testid="connection-base-url" />
      </FormField>
      <FormField label={t("authType")}>
        <NativeSelect value={authType} onChange={(e) => setAuthType(e.target.value as AuthType)} data-testid="connection-auth-type">
          {AUTH_TYPES.map((a) => (
            <option key={a} value={a}>
              {ta(a)}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      {SECRET_FIELDS[authType].map((f) => {
        const masked = connection?.authType === authType ? connection.secrets[f.key] : undefined;
        const props = {
          value: secrets[f.key] ?? "",
          onChange: (e: { target: { value: string } }) => (setSecrets({ ...secrets, [f.key]: e.target.value }), clear(`secrets.${f.key}`)),
          placeholder: f.plain ? (f.key === "headerName" ? "X-API-Key" : undefined) : masked ? t("keepPlaceholder", { masked }) : undefined,
          autoComplete: "off",
          className: "font-mono text-xs",
          "data-testid": `connection-secret-${f.key}`,
        };
        return (
          <FormField key={f.key} label={t(`secret.${f.key}`)} error={errors[`secrets.${f.key}`]} required={!connection && !f.plain}>
            {(control) => (f.plain ? <Input {...control} {...props} /> : <PasswordInput {...control} {...props} />)}
          </FormField>
        );
      })}
      {hasStored && authType !== "NONE" && reveal !== "done" && (
        <Button type="button" variant="outline" size="sm" className="w-fit" onClick={() => void revealSecrets(connection.id)} disabled={reveal === "loading"} data-testid="connection-reveal">
          {reveal === "loading" ? <Spinner /> : <EyeIcon />}
          {t("reveal")}
        </Button>
      )}
      <KeyValueEditor label={t("headers")} pairs={headers} onChange={setHeaders} testId="connection-headers" />
      <div className="flex items-center gap-2">
        <Switch id={activeId} checked={isActive} onCheckedChange={setIsActive} data-testid="connection-active" />
        <Label htmlFor={activeId}>{t("active")}</Label>
      </div>
      <FormDialogFooter onCancel={onClose} cancelLabel={t("cancel")} submitLabel={connection ? t("save") : t("create")} pendingLabel={t("saving")} pending={save.isPending} submitTestId="connection-submit" />
    </form>
  );
}
