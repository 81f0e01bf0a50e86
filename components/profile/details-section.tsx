"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/sonner";
import { useErrorMessage, useFieldErrors } from "@/components/common/use-api-errors";
import { useUpdateProfile, type Profile } from "@/lib/client/profile";
import { LOCALES, writeLocaleCookie, type AppLocale } from "@/lib/i18n/config";
import { SettingsSection } from "./settings-section";

export function DetailsSection({ profile }: { profile: Profile }) {
  const t = useTranslations("profile.details");
  const tl = useTranslations("language");
  const tf = useTranslations("errors.field");
  const router = useRouter();
  const current = useLocale();
  const update = useUpdateProfile();
  const errorMessage = useErrorMessage();
  const { errors, setErrors, fromError, clear } = useFieldErrors();
  const [name, setName] = useState(profile.name);
  const [locale, setLocale] = useState<AppLocale>(profile.locale === "en" || profile.locale === "es" ? profile.locale : current);
  const dirty = name.trim() !== profile.name || locale !== (profile.locale ?? current);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (update.isPending) return;
    if (!name.trim()) return setErrors({ name: tf("required") });
    try {
      await update.mutateAsync({ name: name.trim(), locale });
      toast.success(t("saved"));
      if (locale !== current) {
        writeLocaleCookie(locale);
        router.refresh();
      }
    } catch (err) {
      if (!fromError(err)) toast.error(errorMessage(err));
    }
  };

  return (
    <SettingsSection title={t("title")} description={t("description")}>
      <form onSubmit={onSubmit} noValidate className="grid gap-4 rounded-lg border bg-card p-5">
        <FormField label={t("name")} error={errors.name} required>
          <Input
            data-testid="profile-name"
            autoComplete="name"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              clear("name");
            }}
          />
        </FormField>
        <FormField label={t("email")} description={t("emailHelp")}>
          <Input value={profile.email} readOnly disabled />
        </FormField>
        <FormField label={t("language")} error={errors.locale} description={t("languageHelp")}>
          <NativeSelect data-testid="profile-locale" value={locale} onChange={(e) => setLocale(e.target.value as AppLocale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {tl(l)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <div className="flex justify-end">
          <Button type="submit" data-testid="profile-save" disabled={!dirty || update.isPending}>
            {update.isPending && <Spinner label={t("saving")} />}
            {t("save")}
          </Button>
        </div>
      </form>
    </SettingsSection>
  );
}
