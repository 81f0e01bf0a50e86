"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { Spinner } from "@/components/ui/spinner";
import { useErrorMessage, useFieldErrors } from "@/components/common/use-api-errors";
import { useSaveMetaConfig, type MetaConfig } from "@/lib/client/whatsapp";

const DIGITS = /^\d{5,32}$/;

/** The org's Meta app and Embedded Signup configuration; the app secret stays on the server (META_APP_SECRET). */
export function MetaConfigCard({ config }: { config: MetaConfig }) {
  const t = useTranslations("whatsapp.metaConfig");
  const [appId, setAppId] = useState(config.appId ?? "");
  const [configId, setConfigId] = useState(config.configId ?? "");
  const save = useSaveMetaConfig();
  const errorMessage = useErrorMessage();
  const { errors, setErrors, fromError, clear } = useFieldErrors();
  const dirty = appId.trim() !== (config.appId ?? "") || configId.trim() !== (config.configId ?? "");

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!DIGITS.test(appId.trim())) local.appId = t("digitsOnly");
    if (!DIGITS.test(configId.trim())) local.configId = t("digitsOnly");
    if (Object.keys(local).length) return setErrors(local);
    try {
      await save.mutateAsync({ appId: appId.trim(), configId: configId.trim() });
      toast.success(t("saved"));
    } catch (err) {
      if (!fromError(err)) toast.error(errorMessage(err));
    }
  };

  return (
    <section className="flex flex-col gap-4 rounded-lg border bg-card p-4" aria-labelledby="meta-config-title" data-testid="meta-config">
      <div className="space-y-1">
        <h2 id="meta-config-title" className="text-base font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </div>
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
        <FormField label={t("appId")} error={errors.appId}>
          <Input
            data-testid="meta-app-id"
            inputMode="numeric"
            value={appId}
            onChange={(e) => {
              setAppId(e.target.value);
              clear("appId");
            }}
          />
        </FormField>
        <FormField label={t("configId")} error={errors.configId}>
          <Input
            data-testid="meta-config-id"
            inputMode="numeric"
            value={configId}
            onChange={(e) => {
              setConfigId(e.target.value);
              clear("configId");
            }}
          />
        </FormField>
        <Button type="submit" className="sm:mt-[22px]" disabled={!dirty || save.isPending} data-testid="meta-config-save">
          {save.isPending && <Spinner />}
          {t("save")}
        </Button>
      </form>
      {!config.serverConfigured && (
        <p className="text-xs text-muted-foreground" data-testid="meta-server-missing">
          {t.rich("serverMissing", { code: (chunks) => <code className="rounded bg-muted px-1 py-0.5 font-mono text-[11px] text-foreground">{chunks}</code> })}
        </p>
      )}
    </section>
  );
}
