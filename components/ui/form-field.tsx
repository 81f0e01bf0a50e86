"use client";

import * as React from "react";
import { Slot } from "radix-ui";

import { cn } from "@/lib/utils";
import { Label } from "@/components/ui/label";

type FormFieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
};

type FormFieldProps = Omit<React.ComponentProps<"div">, "children"> & {
  label: React.ReactNode;
  /** id of the control; generated when omitted. */
  id?: string;
  description?: React.ReactNode;
  /** Error message; when set, the control gets aria-invalid and the message is announced. */
  error?: React.ReactNode;
  required?: boolean;
  /**
   * The control. A single element (Input, Textarea, SelectTrigger…) receives the
   * id/aria props automatically; or pass a function to spread them yourself.
   */
  children: React.ReactElement | ((controlProps: FormFieldControlProps) => React.ReactNode);
};

function FormField({
  label,
  id: idProp,
  description,
  error,
  required,
  className,
  children,
  ...props
}: FormFieldProps) {
  const generatedId = React.useId();
  const id = idProp ?? `field-${generatedId}`;
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const hasError = error != null && error !== false && error !== "";

  const describedBy =
    [description ? descriptionId : null, hasError ? errorId : null].filter(Boolean).join(" ") ||
    undefined;

  const controlProps: FormFieldControlProps = {
    id,
    "aria-describedby": describedBy,
    "aria-invalid": hasError ? true : undefined,
    "aria-required": required ? true : undefined,
  };

  return (
    <div
      data-slot="form-field"
      data-invalid={hasError || undefined}
      className={cn("grid gap-1.5", className)}
      {...props}
    >
      <Label htmlFor={id} className={cn(hasError && "text-destructive")}>
        {label}
        {required && (
          <span aria-hidden="true" className="text-destructive">
            *
          </span>
        )}
      </Label>
      {typeof children === "function" ? (
        children(controlProps)
      ) : (
        <Slot.Root {...controlProps}>{children}</Slot.Root>
      )}
      {description && (
        <p id={descriptionId} data-slot="form-field-description" className="text-xs text-muted-foreground">
          {description}
        </p>
      )}
      {hasError && (
        <p
          id={errorId}
          data-slot="form-field-error"
          role="alert"
          className="text-xs font-medium text-destructive"
        >
          {error}
        </p>
      )}
    </div>
  );
}

export { FormField, type FormFieldProps, type FormFieldControlProps };
