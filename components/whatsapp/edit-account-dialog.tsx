"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { PasswordInput } from "@/components/common/password-input";
import { useErrorMessage, useFieldErrors } from "@/components/common/use-api-errors";
import { isApiError } from "@/lib/client/api";
import { useUpdateAccount, type WhatsappAccount } from "@/lib/client/whatsapp";

/** Rename a number, or paste a new token when Meta revoked the old one (verified before it replaces it). */
export function EditAccountDialog({ account, onClose }: { account: WhatsappAccount | null; onClose: () => void }) {
  return (
    <Dialog open={Boolean(account)} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-lg">{account && <EditAccountForm key={account.id} account={account} onClose={onClose} />}</DialogContent>
    </Dialog>
  );
}

function EditAccountForm({ account, onClose }: { account: WhatsappAccount; onClose: () => void }) {
  const t = useTranslations("whatsapp.edit");
  const [alias, setAlias] = useState(account.alias ?? "");
  const [token, setToken] = useState("");
  const [metaError, setMetaError] = useState<string | null>(null);
  const update = useUpdateAccount();
  const errorMessage = useErrorMessage();
  const { errors, fromError, clear } = useFieldErrors();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (update.isPending) return;
    const nextAlias = alias.trim() || null;
    const body = {
      ...(nextAlias !== account.alias ? { alias: nextAlias } : {}),
      ...(token.trim() ? { accessToken: token.trim() } : {}),
    };
    if (!Object.keys(body).length) return onClose();
    try {
      await update.mutateAsync({ id: account.id, ...body });
      toast.success(t("saved"));
      onClose();
    } catch (err) {
      if (isApiError(err) && err.code === "META_REJECTED") setMetaError(err.message);
      else if (!fromError(err)) toast.error(errorMessage(err));
    }
  };

  return (
    <>
      <DialogHeader>
        <DialogTitle>{t("title", { number: account.displayPhoneNumber ?? account.phoneNumberId })}</DialogTitle>
        <DialogDescription>{account.isSandbox ? t("descriptionSandbox") : t("description")}</DialogDescription>
      </DialogHeader>
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        <FormField label={t("alias")} error={errors.alias}>
          <Input
            data-testid="edit-account-alias"
            autoFocus
            maxLength={60}
            value={alias}
            onChange={(e) => {
              setAlias(e.target.value);
              clear("alias");
            }}
          />
        </FormField>
        {!account.isSandbox && (
          <FormField label={t("token")} error={errors.accessToken} description={t("tokenHelp", { masked: account.tokenMasked })}>
            {(control) => (
              <PasswordInput
                {...control}
                data-testid="edit-account-token"
                autoComplete="off"
                value={token}
                onChange={(e) => {
                  setToken(e.target.value);
                  clear("accessToken");
                  setMetaError(null);
                }}
              />
            )}
          </FormField>
        )}
        {metaError && (
          <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
            {t("metaRejected", { message: metaError })}
          </p>
        )}
        <FormDialogFooter onCancel={onClose} cancelLabel={t("cancel")} submitLabel={t("submit")} pendingLabel={t("saving")} pending={update.isPending} submitTestId="edit-account-submit" />
      </form>
    </>
  );
}
