"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/sonner";
import { FormDialogFooter } from "@/components/common/form-dialog-footer";
import { useFieldErrors } from "@/components/common/use-api-errors";
import { useCreateConfig, useDuplicateConfig, useUpdateConfig, type BotConfig } from "@/lib/client/bot";

export type NameDialogState = { mode: "create" } | { mode: "rename"; config: BotConfig } | { mode: "duplicate"; config: BotConfig };

/** One small form for the three ways a config gets a name: create a draft, rename, duplicate. */
export function ConfigNameDialog({ state, onClose, onDone }: { state: NameDialogState | null; onClose: () => void; onDone?: (c: BotConfig, mode: NameDialogState["mode"]) => void }) {
  const t = useTranslations("bot.nameDialog");
  return (
    <Dialog open={Boolean(state)} onOpenChange={(o) => !o && onClose()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>{state ? t(`${state.mode}Title`) : ""}</DialogTitle>
          <DialogDescription>{state ? t(`${state.mode}Description`) : ""}</DialogDescription>
        </DialogHeader>
        {state && <NameForm key={state.mode === "create" ? "new" : `${state.mode}-${state.config.id}`} state={state} onClose={onClose} onDone={onDone} />}
      </DialogContent>
    </Dialog>
  );
}

function NameForm({ state, onClose, onDone }: { state: NameDialogState; onClose: () => void; onDone?: (c: BotConfig, mode: NameDialogState["mode"]) => void }) {
  const t = useTranslations("bot.nameDialog");
  const tf = useTranslations("errors.field");
  const create = useCreateConfig();
  const update = useUpdateConfig();
  const duplicate = useDuplicateConfig();
  const { errors, setErrors, report, clear } = useFieldErrors();
  const initial = state.mode === "rename" ? state.config.name : state.mode === "duplicate" ? t("copyOf", { name: state.config.name }) : "";
  const [name, setName] = useState(initial);
  const pending = create.isPending || update.isPending || duplicate.isPending;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const value = name.trim();
    if (!value) return setErrors({ name: tf("required") });
    try {
      const config =
        state.mode === "create"
          ? await create.mutateAsync({ name: value })
          : state.mode === "rename"
            ? await update.mutateAsync({ configId: state.config.id, body: { name: value } })
            : await duplicate.mutateAsync({ id: state.config.id, name: value });
      toast.success(t(`${state.mode}Done`, { name: value }));
      onClose();
      onDone?.(config, state.mode);
    } catch (err) {
      report(err, { name: t("nameTaken") });
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormField label={t("name")} error={errors.name} required>
        <Input
          autoFocus
          maxLength={100}
          value={name}
          placeholder={t("placeholder")}
          onChange={(e) => {
            setName(e.target.value);
            clear("name");
          }}
          data-testid="bot-config-name-input"
        />
      </FormField>
      <FormDialogFooter
        onCancel={onClose}
        cancelLabel={t("cancel")}
        submitLabel={t(`${state.mode}Submit`)}
        pendingLabel={t("pending")}
        pending={pending}
        submitTestId="bot-config-name-submit"
      />
    </form>
  );
}
