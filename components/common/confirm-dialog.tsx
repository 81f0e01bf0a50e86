"use client";

import type { ReactNode } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Spinner } from "@/components/ui/spinner";

/**
 * A confirmation (destructive unless `variant` says otherwise) whose button shows progress and stays open until the
 * action settles; `children` go between the question and the buttons.
 */
export function ConfirmDialog(props: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  pending: boolean;
  /** What the spinner announces while pending (default: the spinner's own "Loading"). */
  pendingLabel?: string;
  onConfirm: () => void;
  testId?: string;
  variant?: "destructive" | "default";
  children?: ReactNode;
}) {
  return (
    <AlertDialog open={props.open} onOpenChange={(open) => !open && props.onClose()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{props.title}</AlertDialogTitle>
          <AlertDialogDescription>{props.description}</AlertDialogDescription>
        </AlertDialogHeader>
        {props.children}
        <AlertDialogFooter>
          <AlertDialogCancel>{props.cancelLabel}</AlertDialogCancel>
          <AlertDialogAction
            variant={props.variant ?? "destructive"}
            data-testid={props.testId}
            disabled={props.pending}
            onClick={(e) => {
              e.preventDefault();
              props.onConfirm();
            }}
          >
            {props.pending && <Spinner label={props.pendingLabel} />}
            {props.confirmLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
