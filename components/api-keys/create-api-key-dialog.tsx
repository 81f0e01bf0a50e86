"use client";

import { useState, type FormEvent } from "react";
import { PlusIcon, TriangleAlertIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/sonner";
import { CopyButton } from "@/components/common/copy-button";
import { useErrorMessage, useFieldErrors } from "@/components/common/use-api-errors";
import { RoleOptions } from "@/components/users/role-badge";
import { useCreateApiKey, type CreatedApiKey } from "@/lib/client/api-keys";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";

const EXPIRY_DAYS = ["never", "30", "90", "365"] as const;
type Expiry = (typeof EXPIRY_DAYS)[number];

/** Controlled by the page, so the empty state can open it too and the one-time secret survives the list refetch. */
export function CreateApiKeyDialog({ open, setOpen }: { open: boolean; setOpen: (open: boolean) => void }) {
  const t = useTranslations("apiKeys.create");
  const tf = useTranslations("errors.field");
  const [name, setName] = useState("");
  const [role, setRole] = useState<"ADMIN" | "AGENT">("ADMIN");
  const [expiry, setExpiry] = useState<Expiry>("never");
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const create = useCreateApiKey();
  const errorMessage = useErrorMessage();
  const { errors, setErrors, fromError, clear, reset } = useFieldErrors();

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      // The secret is forgotten when the dialog closes: it is never shown again.
      setCreated(null);
      setName("");
      setRole("ADMIN");
      setExpiry("never");
      reset();
    }
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    if (!name.trim()) return setErrors({ name: tf("required") });
    const expiresAt = expiry === "never" ? undefined : new Date(Date.now() + Number(expiry) * 86_400_000).toISOString();
    try {
      setCreated(await create.mutateAsync({ name: name.trim(), role, expiresAt }));
    } catch (err) {
      if (!fromError(err)) toast.error(errorMessage(err));
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button data-testid="api-key-create">
          <PlusIcon />
          {t("open")}
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        {created ? (
          <>
            <DialogHeader>
              <DialogTitle>{t("createdTitle")}</DialogTitle>
              <DialogDescription>{t("createdText", { name: created.name })}</DialogDescription>
            </DialogHeader>
            <Alert className="border-amber-300/60 bg-amber-50 text-amber-900 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-200">
              <TriangleAlertIcon />
              <AlertTitle>{t("onceTitle")}</AlertTitle>
              <AlertDescription className="text-amber-800/90 dark:text-amber-200/80">{t("onceText")}</AlertDescription>
            </Alert>
            <div className="flex items-center gap-2 rounded-lg border bg-muted/50 p-2 pl-3">
              <code data-testid="api-key-secret" className="min-w-0 flex-1 font-mono text-[13px] break-all select-all">
                {created.key}
              </code>
              <CopyButton value={created.key} data-testid="api-key-copy" />
            </div>
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)} data-testid="api-key-done">
                {t("done")}
              </Button>
            </DialogFooter>
          </>
        ) : (
          <>
            <DialogHeader>
              <DialogTitle>{t("title")}</DialogTitle>
              <DialogDescription>{t("description")}</DialogDescription>
            </DialogHeader>
            <form onSubmit={onSubmit} noValidate className="grid gap-4">
              <FormField label={t("name")} error={errors.name} description={t("nameHelp")} required>
                <Input
                  data-testid="api-key-name"
                  autoFocus
                  autoComplete="off"
                  placeholder={t("namePlaceholder")}
                  value={name}
                  onChange={(e) => {
                    setName(e.target.value);
                    clear("name");
                  }}
                />
              </FormField>
              <div className="grid gap-4 sm:grid-cols-2">
                <FormField label={t("role")} error={errors.role}>
                  <NativeSelect data-testid="api-key-role" value={role} onChange={(e) => setRole(e.target.value as "ADMIN" | "AGENT")}>
                    <RoleOptions />
                  </NativeSelect>
                </FormField>
                <FormField label={t("expires")} error={errors.expiresAt}>
                  <NativeSelect data-testid="api-key-expiry" value={expiry} onChange={(e) => setExpiry(e.target.value as Expiry)}>
                    {EXPIRY_DAYS.map((d) => (
                      <option key={d} value={d}>
                        {d === "never" ? t("never") : t("days", { count: Number(d) })}
                      </option>
                    ))}
                  </NativeSelect>
                </FormField>
              </div>
              <FormDialogFooter
                onCancel={() => onOpenChange(false)}
                cancelLabel={t("cancel")}
                submitLabel={t("submit")}
                pendingLabel={t("creating")}
                pending={create.isPending}
                submitTestId="api-key-submit"
              />
            </form>
          </>
        )}
      </DialogContent>
    </Dialog>
  );
}
