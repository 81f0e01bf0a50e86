"use client";

import { useState, type FormEvent } from "react";
import { UserPlusIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/sonner";
import { EMAIL_RE, useErrorMessage, useFieldErrors } from "@/components/common/use-api-errors";
import { isApiError } from "@/lib/client/api";
import { useCreateUser } from "@/lib/client/users";
import { useInviteToast } from "./invite-toast";
import { RoleOptions } from "./role-badge";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";

type Role = "ADMIN" | "AGENT";

export function InviteDialog() {
  const t = useTranslations("users.invite");
  const tf = useTranslations("errors.field");
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("AGENT");
  const create = useCreateUser();
  const errorMessage = useErrorMessage();
  const inviteToast = useInviteToast();
  const { errors, setErrors, fromError, clear, reset } = useFieldErrors();

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setEmail("");
      setName("");
      setRole("AGENT");
      reset();
      create.reset();
    }
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    const next: Record<string, string> = {};
    if (!email.trim()) next.email = tf("required");
    else if (!EMAIL_RE.test(email.trim())) next.email = tf("email");
    if (!name.trim()) next.name = tf("required");
    setErrors(next);
    if (Object.keys(next).length) return;
    try {
      const res = await create.mutateAsync({ email: email.trim(), name: name.trim(), role });
      onOpenChange(false);
      inviteToast(t("sent", { email: res.user.email }), res.invitation.inviteUrl);
    } catch (err) {
      if (isApiError(err) && err.status === 409 && !err.details.length) setErrors({ email: t("alreadyMember") });
      else if (!fromError(err)) toast.error(errorMessage(err));
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button data-testid="invite-open">
          <UserPlusIcon />
          {t("open")}
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <FormField label={t("email")} error={errors.email} required>
            <Input
              data-testid="invite-email"
              type="email"
              autoComplete="off"
              autoFocus
              placeholder={t("emailPlaceholder")}
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                clear("email");
              }}
            />
          </FormField>
          <FormField label={t("name")} error={errors.name} required>
            <Input
              data-testid="invite-name"
              autoComplete="off"
              placeholder={t("namePlaceholder")}
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                clear("name");
              }}
            />
          </FormField>
          <FormField label={t("role")} error={errors.role} description={role === "ADMIN" ? t("adminHelp") : t("agentHelp")}>
            <NativeSelect data-testid="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              <RoleOptions />
            </NativeSelect>
          </FormField>
          <FormDialogFooter
            onCancel={() => onOpenChange(false)}
            cancelLabel={t("cancel")}
            submitLabel={t("submit")}
            pendingLabel={t("sending")}
            pending={create.isPending}
            submitTestId="invite-submit"
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
