"use client";

import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";

/** Cancel + submit for a form inside a dialog; the submit button shows progress while the mutation runs. */
export function FormDialogFooter(props: {
  onCancel: () => void;
  cancelLabel: string;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  submitTestId?: string;
}) {
  return (
    <DialogFooter className="mt-2">
      <Button variant="outline" onClick={props.onCancel}>
        {props.cancelLabel}
      </Button>
      <Button type="submit" data-testid={props.submitTestId} disabled={props.pending}>
        {props.pending && <Spinner label={props.pendingLabel} />}
        {props.submitLabel}
      </Button>
    </DialogFooter>
  );
}
