"use client";

import { useState, type FormEvent } from "react";
import { PlugIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { PasswordInput } from "@/components/common/password-input";
import { useErrorMessage, useFieldErrors } from "@/components/common/use-api-errors";
import { isApiError } from "@/lib/client/api";
import { useConnectManual } from "@/lib/client/whatsapp";

const EMPTY = { wabaId: "", phoneNumberId: "", accessToken: "", alias: "" };
const DIGITS = /^\d{5,32}$/;

/** System-user token + ids from Meta's WhatsApp Manager; the server verifies them against the Graph API. */
export function ConnectManualDialog({ variant = "default" }: { variant?: "default" | "outline" }) {
  const t = useTranslations("whatsapp.connect");
  const tf = useTranslations("errors.field");
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(EMPTY);
  const [metaError, setMetaError] = useState<string | null>(null);
  const connect = useConnectManual();
  const errorMessage = useErrorMessage();
  const { errors, setErrors, fromError, clear, reset } = useFieldErrors();

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setValues(EMPTY);
      setMetaError(null);
      reset();
    }
  };
  const set = (field: keyof typeof EMPTY) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    clear(field);
    setMetaError(null);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (connect.isPending) return;
    const local: Record<string, string> = {};
    if (!DIGITS.test(values.wabaId.trim())) local.wabaId = values.wabaId.trim() ? t("digitsOnly") : tf("required");
    if (!DIGITS.test(values.phoneNumberId.trim())) local.phoneNumberId = values.phoneNumberId.trim() ? t("digitsOnly") : tf("required");
    if (!values.accessToken.trim()) local.accessToken = tf("required");
    if (Object.keys(local).length) return setErrors(local);
    try {
      const account = await connect.mutateAsync({
        wabaId: values.wabaId.trim(),
        phoneNumberId: values.phoneNumberId.trim(),
        accessToken: values.accessToken.trim(),
        alias: values.alias.trim() || undefined,
      });
      toast.success(t("connected", { number: account.displayPhoneNumber ?? account.phoneNumberId }));
      onOpenChange(false);
    } catch (err) {
      if (isApiError(err) && err.code === "META_REJECTED") setMetaError(err.message);
      else if (!fromError(err)) toast.error(errorMessage(err));
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant={variant} data-testid="connect-manual-open">
          <PlugIcon />
          {t("open")}
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label={t("wabaId")} error={errors.wabaId} required>
              <Input data-testid="connect-waba-id" inputMode="numeric" autoComplete="off" value={values.wabaId} onChange={set("wabaId")} placeholder="102290129340398" />
            </FormField>
            <FormField label={t("phoneNumberId")} error={errors.phoneNumberId} required>
              <Input data-testid="connect-phone-number-id" inputMode="numeric" autoComplete="off" value={values.phoneNumberId} onChange={set("phoneNumberId")} placeholder="106540352242922" />
            </FormField>
          </div>
          <FormField label={t("accessToken")} error={errors.accessToken} description={t("accessTokenHelp")} required>
            {(control) => <PasswordInput {...control} data-testid="connect-access-token" autoComplete="off" value={values.accessToken} onChange={set("accessToken")} />}
          </FormField>
          <FormField label={t("alias")} error={errors.alias} description={t("aliasHelp")}>
            <Input data-testid="connect-alias" maxLength={60} value={values.alias} onChange={set("alias")} placeholder={t("aliasPlaceholder")} />
          </FormField>
          {metaError && (
            <p role="alert" data-testid="connect-meta-error" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
              {t("metaRejected", { message: metaError })}
            </p>
          )}
          <FormDialogFooter
            onCancel={() => onOpenChange(false)}
            cancelLabel={t("cancel")}
            submitLabel={t("submit")}
            pendingLabel={t("verifying")}
            pending={connect.isPending}
            submitTestId="connect-manual-submit"
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
