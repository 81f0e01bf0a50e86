"use client";

import { useCallback, useState } from "react";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/sonner";
import { isApiError } from "@/lib/client/api";

// The API writes field messages in English; the common ones are shown in the reader's language.
const FIELD_MESSAGES = {
  "is required": "required",
  "must be a valid email address": "email",
  "must be at least 8 characters": "passwordLength",
  "is already registered": "emailTaken",
  "must differ from the current password": "samePassword",
  "must be in the future": "future",
} as const;

/** Turns any thrown error into one sentence for a toast or an alert. */
export function useErrorMessage() {
  const t = useTranslations("errors");
  return useCallback(
    (e: unknown): string => {
      if (!isApiError(e)) return t("unexpected");
      switch (e.code) {
        case "NETWORK_ERROR":
          return t("network");
        case "RATE_LIMITED":
          return t("rateLimited", { seconds: e.retryAfter ?? 60 });
        case "UNAUTHENTICATED":
          return t("unauthenticated");
        case "FORBIDDEN":
          return t("forbidden");
        case "NOT_FOUND":
          return t("notFound");
        case "CONFLICT":
          return t("conflict");
        case "LAST_ADMIN":
          return t("lastAdmin");
        case "INVALID_CURRENT_PASSWORD":
          return t("invalidCurrentPassword");
        case "PAYLOAD_TOO_LARGE":
          return t("tooLarge");
        case "UNSUPPORTED_MEDIA_TYPE":
          return t("unsupportedType");
        case "VALIDATION_ERROR":
          return t("validation");
        case "INTERNAL_ERROR":
          return t("server");
        default:
          return e.status >= 500 ? t("server") : e.message;
      }
    },
    [t],
  );
}

export type FieldErrors = Record<string, string | undefined>;

/**
 * Inline field errors: set from the client's own checks or from the API's `error.details`; editing a field clears
 * its error. `fromError` returns true when the error was about fields (so no extra toast is needed). `report` shows
 * why a save failed: a CONFLICT marks the fields given in `conflict` (e.g. `{ name: "Name taken" }`), field errors go
 * inline, anything else to a toast.
 */
export function useFieldErrors() {
  const t = useTranslations("errors.field");
  const errorMessage = useErrorMessage();
  const [errors, setErrors] = useState<FieldErrors>({});
  const translate = useCallback(
    (message: string) => {
      const key = FIELD_MESSAGES[message as keyof typeof FIELD_MESSAGES];
      return key ? t(key) : message;
    },
    [t],
  );
  const fromError = useCallback(
    (e: unknown, fields?: Record<string, string>): boolean => {
      if (!isApiError(e) || !e.details.length) return false;
      const next: FieldErrors = {};
      for (const [path, message] of Object.entries(e.fieldErrors)) next[fields?.[path] ?? path] = translate(message);
      setErrors(next);
      return Object.keys(next).some((k) => k !== "(root)");
    },
    [translate],
  );
  const clear = useCallback((field: string) => setErrors((prev) => (prev[field] ? { ...prev, [field]: undefined } : prev)), []);
  const report = useCallback(
    (e: unknown, conflict?: FieldErrors) => {
      if (conflict && isApiError(e) && e.code === "CONFLICT") setErrors(conflict);
      else if (!fromError(e)) toast.error(errorMessage(e));
    },
    [fromError, errorMessage],
  );
  return { errors, setErrors, fromError, report, clear, reset: useCallback(() => setErrors({}), []) };
}

export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
