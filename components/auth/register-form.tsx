"use client";

import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/sonner";
import { PasswordInput } from "@/components/common/password-input";
import { EMAIL_RE, useErrorMessage, useFieldErrors } from "@/components/common/use-api-errors";
import { registerAccount, signInWith } from "@/lib/client/auth";
import { AuthHeader } from "./auth-header";

type Fields = { companyName: string; name: string; email: string; password: string };

export function RegisterForm() {
  const t = useTranslations("auth.register");
  const tf = useTranslations("errors.field");
  const locale = useLocale();
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const { errors, setErrors, fromError, clear } = useFieldErrors();
  const [values, setValues] = useState<Fields>({ companyName: "", name: "", email: "", password: "" });
  const [busy, setBusy] = useState(false);

  const bind = (field: keyof Fields) => ({
    name: field,
    value: values[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      setValues((v) => ({ ...v, [field]: e.target.value }));
      clear(field);
    },
  });

  const validate = () => {
    const next: Record<string, string> = {};
    if (!values.companyName.trim()) next.companyName = tf("required");
    if (!values.name.trim()) next.name = tf("required");
    if (!values.email.trim()) next.email = tf("required");
    else if (!EMAIL_RE.test(values.email.trim())) next.email = tf("email");
    if (values.password.length < 8) next.password = tf("passwordLength");
    setErrors(next);
    return Object.keys(next).length === 0;
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !validate()) return;
    setBusy(true);
    const body = { ...values, email: values.email.trim(), locale: locale === "en" ? ("en" as const) : ("es" as const) };
    try {
      await registerAccount(body);
    } catch (err) {
      if (!fromError(err)) toast.error(errorMessage(err));
      setBusy(false);
      return;
    }
    // The account exists now; the browser session comes from next-auth with the same credentials.
    const failed = await signInWith("password", { email: body.email, password: body.password });
    if (failed) {
      toast.error(t("signInAfterFailed"));
      router.replace(`/login?email=${encodeURIComponent(body.email)}`);
      return;
    }
    toast.success(t("welcome", { company: body.companyName }));
    router.replace("/");
    router.refresh();
  };

  return (
    <div>
      <AuthHeader title={t("title")} description={t("subtitle")} />
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        <FormField label={t("company")} error={errors.companyName} required>
          <Input data-testid="register-company" autoComplete="organization" autoFocus placeholder={t("companyPlaceholder")} {...bind("companyName")} />
        </FormField>
        <FormField label={t("name")} error={errors.name} required>
          <Input data-testid="register-name" autoComplete="name" placeholder={t("namePlaceholder")} {...bind("name")} />
        </FormField>
        <FormField label={t("email")} error={errors.email} required>
          <Input data-testid="register-email" type="email" autoComplete="email" placeholder={t("emailPlaceholder")} {...bind("email")} />
        </FormField>
        <FormField label={t("password")} error={errors.password} description={errors.password ? undefined : t("passwordHelp")} required>
          <PasswordInput data-testid="register-password" autoComplete="new-password" {...bind("password")} />
        </FormField>
        <Button type="submit" data-testid="register-submit" size="lg" className="mt-1 w-full" disabled={busy}>
          {busy && <Spinner label={t("working")} />}
          {t("submit")}
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-muted-foreground">
        {t("haveAccount")}{" "}
        <Link href="/login" className="font-medium text-foreground underline-offset-4 hover:underline">
          {t("signIn")}
        </Link>
      </p>
    </div>
  );
}
