"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { useErrorMessage, useFieldErrors } from "@/components/common/use-api-errors";
import { useCreateSandboxCustomer } from "@/lib/client/sandbox";

/** A Mexican mobile number, different on every open, so trying things out needs no typing. */
const suggestPhone = () => `+52 1 55 ${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

export function NewCustomerDialog({ open, setOpen, onCreated }: { open: boolean; setOpen: (open: boolean) => void; onCreated: (id: string) => void }) {
  const t = useTranslations("sandbox.create");
  const tf = useTranslations("errors.field");
  const [name, setName] = useState("");
  const [phone, setPhone] = useState(suggestPhone);
  const create = useCreateSandboxCustomer();
  const errorMessage = useErrorMessage();
  const { errors, setErrors, fromError, clear, reset } = useFieldErrors();

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setName("");
      setPhone(suggestPhone());
      reset();
    }
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = tf("required");
    if (phone.replace(/\D/g, "").length < 8) problems.phone = t("phoneInvalid");
    if (Object.keys(problems).length) return setErrors(problems);
    try {
      const customer = await create.mutateAsync({ name: name.trim(), phone });
      toast.success(t("created", { name: customer.name ?? customer.waId }));
      onCreated(customer.id);
      onOpenChange(false);
    } catch (err) {
      if (!fromError(err)) toast.error(errorMessage(err));
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <FormField label={t("name")} error={errors.name} required>
            <Input
              data-testid="sandbox-customer-name"
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
          <FormField label={t("phone")} error={errors.phone} description={t("phoneHelp")} required>
            <Input
              data-testid="sandbox-customer-phone"
              inputMode="tel"
              autoComplete="off"
              value={phone}
              onChange={(e) => {
                setPhone(e.target.value);
                clear("phone");
              }}
            />
          </FormField>
          <FormDialogFooter
            onCancel={() => onOpenChange(false)}
            cancelLabel={t("cancel")}
            submitLabel={t("submit")}
            pendingLabel={t("working")}
            pending={create.isPending}
            submitTestId="sandbox-customer-submit"
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
