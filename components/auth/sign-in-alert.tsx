"use client";

import { useEffect, useState } from "react";
import { AlertCircleIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription } from "@/components/ui/alert";
import type { SignInFailure } from "@/lib/client/auth";

function Countdown({ seconds }: { seconds: number }) {
  const t = useTranslations("auth.errors");
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    const timer = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearInterval(timer);
  }, []);
  return <>{left > 0 ? t("rateLimited", { seconds: left }) : t("rateLimitedOver")}</>;
}

/** "Wrong email or password" vs "too many attempts, retry in N s" (counting down), from a failed sign-in. */
export function SignInAlert({ failure }: { failure: SignInFailure | null }) {
  const t = useTranslations("auth.errors");
  if (!failure) return null;
  const text =
    failure.kind === "rate_limited" ? (
      // Each failure has its own time: the key restarts the countdown for a new one.
      <Countdown key={failure.at} seconds={failure.seconds} />
    ) : failure.kind === "invalid" ? (
      t("invalid")
    ) : failure.kind === "invalid_code" ? (
      t("invalidCode")
    ) : failure.kind === "forbidden" ? (
      t("forbidden")
    ) : (
      t("generic")
    );
  return (
    <Alert variant="destructive" className="mb-4" data-testid="login-error">
      <AlertCircleIcon />
      <AlertDescription>{text}</AlertDescription>
    </Alert>
  );
}
