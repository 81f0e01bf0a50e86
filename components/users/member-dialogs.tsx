"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/sonner";
import { ConfirmDialog } from "@/components/common/confirm-dialog";
import { useErrorMessage, useFieldErrors } from "@/components/common/use-api-errors";
import { useDeleteUser, useUpdateUser, type User } from "@/lib/client/users";
import { RoleOptions } from "./role-badge";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";

export function EditMemberDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useTranslations("users.edit");
  return (
    <Dialog open={Boolean(user)} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{user?.email}</DialogDescription>
        </DialogHeader>
        {/* Keyed by user: the form starts from that user's values each time it opens. */}
        {user && <EditMemberForm key={user.id} user={user} onClose={onClose} />}
      </DialogContent>
    </Dialog>
  );
}

function EditMemberForm({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useTranslations("users.edit");
  const tf = useTranslations("errors.field");
  const update = useUpdateUser();
  const errorMessage = useErrorMessage();
  const { errors, setErrors, fromError, clear } = useFieldErrors();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<User["role"]>(user.role);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (update.isPending) return;
    if (!name.trim()) return setErrors({ name: tf("required") });
    try {
      await update.mutateAsync({ id: user.id, name: name.trim(), role });
      toast.success(t("saved"));
      onClose();
    } catch (err) {
      if (!fromError(err)) toast.error(errorMessage(err));
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormField label={t("name")} error={errors.name} required>
        <Input
          data-testid="edit-user-name"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            clear("name");
          }}
        />
      </FormField>
      <FormField label={t("role")} error={errors.role}>
        <NativeSelect data-testid="edit-user-role" value={role} onChange={(e) => setRole(e.target.value as User["role"])}>
          <RoleOptions />
        </NativeSelect>
      </FormField>
      <FormDialogFooter
        onCancel={onClose}
        cancelLabel={t("cancel")}
        submitLabel={t("save")}
        pendingLabel={t("saving")}
        pending={update.isPending}
        submitTestId="edit-user-submit"
      />
    </form>
  );
}

export function RemoveMemberDialog({ user, orgName, onClose }: { user: User | null; orgName: string; onClose: () => void }) {
  const t = useTranslations("users.remove");
  const remove = useDeleteUser();
  const errorMessage = useErrorMessage();
  const confirm = async () => {
    if (!user) return;
    try {
      await remove.mutateAsync(user.id);
      toast.success(t("done", { name: user.name }));
      onClose();
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };
  return (
    <ConfirmDialog
      open={Boolean(user)}
      onClose={onClose}
      title={t("title", { name: user?.name ?? "" })}
      description={t("description", { org: orgName })}
      confirmLabel={t("confirm")}
      cancelLabel={t("cancel")}
      pending={remove.isPending}
      pendingLabel={t("working")}
      onConfirm={() => void confirm()}
      testId="remove-user-confirm"
    />
  );
}
