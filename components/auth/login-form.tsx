"use client";

import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { InfoIcon, KeyRoundIcon, MailIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/sonner";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { PasswordInput } from "@/components/common/password-input";
import { EMAIL_RE, useErrorMessage } from "@/components/common/use-api-errors";
import { requestLoginCode, signInWith, type SignInFailure } from "@/lib/client/auth";
import { isApiError } from "@/lib/client/api";
import { AuthHeader } from "./auth-header";
import { safeNext } from "./safe-next";
import { SignInAlert } from "./sign-in-alert";

type Mode = "password" | "code";
type Notice = "expired" | "suspended" | "signedOut" | null;

export function LoginForm({ next, initialEmail = "", notice = null }: { next?: string; initialEmail?: string; notice?: Notice }) {
  const t = useTranslations("auth.login");
  const router = useRouter();
  const errorMessage = useErrorMessage();
  const [mode, setMode] = useState<Mode>("password");
  const [codeSent, setCodeSent] = useState(false);
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SignInFailure | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string; code?: string }>({});

  const validEmail = () => {
    const error = !email.trim() ? t("emailRequired") : !EMAIL_RE.test(email.trim()) ? t("emailInvalid") : undefined;
    if (error) setFieldErrors({ email: error });
    return !error;
  };

  const finish = async (failed: SignInFailure | null) => {
    if (failed) {
      setFailure(failed);
      setBusy(false);
      return;
    }
    router.replace(safeNext(next));
    router.refresh();
  };

  const submitPassword = async () => {
    if (!validEmail()) return;
    if (!password) return setFieldErrors({ password: t("passwordRequired") });
    setBusy(true);
    await finish(await signInWith("password", { email: email.trim(), password }));
  };

  const sendCode = async () => {
    if (!validEmail()) return;
    setBusy(true);
    try {
      await requestLoginCode({ email: email.trim() });
      setCodeSent(true);
      setCode("");
      toast.success(t("codeSentToast"));
    } catch (e) {
      if (isApiError(e) && e.code === "RATE_LIMITED") setFailure({ kind: "rate_limited", seconds: e.retryAfter ?? 60, at: Date.now() });
      else toast.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async () => {
    if (!/^\d{6}$/.test(code.trim())) return setFieldErrors({ code: t("codeInvalid") });
    setBusy(true);
    await finish(await signInWith("code", { email: email.trim(), code: code.trim() }));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setFailure(null);
    setFieldErrors({});
    if (mode === "password") void submitPassword();
    else if (!codeSent) void sendCode();
    else void submitCode();
  };

  const switchMode = (m: Mode) => {
    setMode(m);
    setFailure(null);
    setFieldErrors({});
  };

  return (
    <div>
      <AuthHeader title={t("title")} description={t("subtitle")} />
      {notice && (
        <Alert className="mb-4">
          <InfoIcon />
          <AlertDescription>{t(`notice.${notice}`)}</AlertDescription>
        </Alert>
      )}
      <Tabs value={mode} onValueChange={(v) => switchMode(v as Mode)} className="mb-5">
        <TabsList className="w-full">
          <TabsTrigger value="password" data-testid="login-use-password">
            <KeyRoundIcon />
            {t("tabPassword")}
          </TabsTrigger>
          <TabsTrigger value="code" data-testid="login-use-code">
            <MailIcon />
            {t("tabCode")}
          </TabsTrigger>
        </TabsList>
      </Tabs>
      <SignInAlert failure={failure} />
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        <FormField label={t("email")} error={fieldErrors.email} required>
          <Input
            data-testid="login-email"
            type="email"
            name="email"
            autoComplete="email"
            autoFocus={!initialEmail}
            placeholder={t("emailPlaceholder")}
            value={email}
            readOnly={mode === "code" && codeSent}
            onChange={(e) => {
              setEmail(e.target.value);
              setFieldErrors({});
            }}
          />
        </FormField>

        {mode === "password" && (
          <div className="grid gap-1.5">
            <FormField label={t("password")} error={fieldErrors.password} required>
              <PasswordInput
                data-testid="login-password"
                name="password"
                autoComplete="current-password"
                autoFocus={Boolean(initialEmail)}
                value={password}
                onChange={(e) => {
                  setPassword(e.target.value);
                  setFieldErrors({});
                }}
              />
            </FormField>
            <button type="button" className="w-fit text-xs text-muted-foreground underline-offset-4 hover:text-foreground hover:underline" onClick={() => switchMode("code")}>
              {t("forgot")}
            </button>
          </div>
        )}

        {mode === "code" && codeSent && (
          <div className="grid gap-2">
            <FormField label={t("code")} error={fieldErrors.code} description={t("codeHelp", { email: email.trim() })} required>
              <Input
                data-testid="login-code"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                autoFocus
                maxLength={6}
                placeholder="000000"
                className="h-11 text-center font-mono text-lg tracking-[0.5em]"
                value={code}
                onChange={(e) => {
                  setCode(e.target.value.replace(/\D/g, "").slice(0, 6));
                  setFieldErrors({});
                }}
              />
            </FormField>
            <div className="flex items-center justify-between text-xs">
              <button type="button" className="text-muted-foreground underline-offset-4 hover:text-foreground hover:underline" onClick={() => setCodeSent(false)}>
                {t("changeEmail")}
              </button>
              <button type="button" disabled={busy} className="text-muted-foreground underline-offset-4 hover:text-foreground hover:underline disabled:opacity-50" onClick={() => void sendCode()}>
                {t("resendCode")}
              </button>
            </div>
          </div>
        )}

        <Button type="submit" data-testid="login-submit" className="mt-1 w-full" size="lg" disabled={busy}>
          {busy && <Spinner label={t("working")} />}
          {mode === "password" ? t("submit") : codeSent ? t("verifyCode") : t("sendCode")}
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-muted-foreground">
        {t("noAccount")}{" "}
        <Link href="/register" className="font-medium text-foreground underline-offset-4 hover:underline">
          {t("createAccount")}
        </Link>
      </p>
    </div>
  );
}
