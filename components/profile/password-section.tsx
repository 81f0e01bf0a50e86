"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/sonner";
import { PasswordInput } from "@/components/common/password-input";
import { useErrorMessage, useFieldErrors } from "@/components/common/use-api-errors";
import { isApiError } from "@/lib/client/api";
import { signInWith } from "@/lib/client/auth";
import { useChangePassword } from "@/lib/client/profile";
import { SettingsSection } from "./settings-section";

const EMPTY = { currentPassword: "", newPassword: "", confirm: "" };

export function PasswordSection({ email }: { email: string }) {
  const t = useTranslations("profile.password");
  const tf = useTranslations("errors.field");
  const router = useRouter();
  const change = useChangePassword();
  const errorMessage = useErrorMessage();
  const { errors, setErrors, fromError, clear } = useFieldErrors();
  const [values, setValues] = useState(EMPTY);
  const [renewing, setRenewing] = useState(false);

  const bind = (field: keyof typeof EMPTY) => ({
    value: values[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      setValues((v) => ({ ...v, [field]: e.target.value }));
      clear(field);
    },
  });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (change.isPending || renewing) return;
    const next: Record<string, string> = {};
    if (!values.currentPassword) next.currentPassword = tf("required");
    if (values.newPassword.length < 8) next.newPassword = tf("passwordLength");
    else if (values.newPassword === values.currentPassword) next.newPassword = tf("samePassword");
    if (values.confirm !== values.newPassword) next.confirm = t("mismatch");
    setErrors(next);
    if (Object.keys(next).length) return;
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    } catch (err) {
      if (isApiError(err) && err.code === "INVALID_CURRENT_PASSWORD") setErrors({ currentPassword: t("wrongCurrent") });
      else if (!fromError(err)) toast.error(errorMessage(err));
      return;
    }
    // Changing the password ends every session, this browser's cookie included: sign in again with the new one.
    setRenewing(true);
    const failed = await signInWith("password", { email, password: values.newPassword });
    setRenewing(false);
    if (failed) {
      router.replace(`/login?email=${encodeURIComponent(email)}&expired=1`);
      return;
    }
    setValues(EMPTY);
    toast.success(t("changed"), { description: t("changedText") });
  };

  const busy = change.isPending || renewing;
  return (
    <SettingsSection title={t("title")} description={t("description")}>
      <form onSubmit={onSubmit} noValidate className="grid gap-4 rounded-lg border bg-card p-5">
        {/* Lets password managers pair the new password with the account. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <FormField label={t("current")} error={errors.currentPassword} required>
          <PasswordInput data-testid="password-current" autoComplete="current-password" {...bind("currentPassword")} />
        </FormField>
        <FormField label={t("new")} error={errors.newPassword} description={errors.newPassword ? undefined : t("newHelp")} required>
          <PasswordInput data-testid="password-new" autoComplete="new-password" {...bind("newPassword")} />
        </FormField>
        <FormField label={t("confirm")} error={errors.confirm} required>
          <PasswordInput data-testid="password-confirm" autoComplete="new-password" {...bind("confirm")} />
        </FormField>
        <div className="flex justify-end">
          <Button type="submit" data-testid="password-submit" disabled={busy}>
            {busy && <Spinner label={t("saving")} />}
            {t("submit")}
          </Button>
        </div>
      </form>
    </SettingsSection>
  );
}
