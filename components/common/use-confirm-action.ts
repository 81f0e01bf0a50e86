"use client";

import { useState } from "react";
import { toast } from "@/components/ui/sonner";
import { useErrorMessage } from "./use-api-errors";

type IdMutation = { isPending: boolean; mutate: (id: string, options: { onSuccess: () => void; onError: (e: unknown) => void }) => void };

/**
 * A row action that asks first (delete, restore…): `ask(row)` opens the confirmation, confirming runs the mutation with
 * the row's id, toasts `success(row)` and closes, or toasts the error and stays open. Spread `dialog` on ConfirmDialog.
 */
export function useConfirmAction<T extends { id: string }>(mutation: IdMutation, success: (row: T) => string) {
  const errorMessage = useErrorMessage();
  const [target, setTarget] = useState<T | null>(null);
  const onConfirm = () =>
    target &&
    mutation.mutate(target.id, {
      onSuccess: () => {
        toast.success(success(target));
        setTarget(null);
      },
      onError: (e) => toast.error(errorMessage(e)),
    });
  return {
    target,
    ask: setTarget,
    dialog: { open: Boolean(target), onClose: () => setTarget(null), pending: mutation.isPending, onConfirm },
  };
}
