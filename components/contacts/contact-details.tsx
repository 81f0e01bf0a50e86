"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/sonner";
import { CopyButton } from "@/components/common/copy-button";
import { UserAvatar } from "@/components/common/user-avatar";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useUpdateContact, type Contact } from "@/lib/client/contacts";
import { useCan } from "@/lib/client/me";
import { InlineEdit } from "./inline-edit";

export const phoneOf = (waId: string) => `+${waId}`;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_minmax(0,1fr)] items-center gap-2 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

function formatAttribute(value: unknown) {
  if (value === null || value === undefined) return "—";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Who the customer is: the name the team gave them (editable), their number, WhatsApp profile name, category, attributes. */
export function ContactDetails({ contact, header = true }: { contact: Contact; header?: boolean }) {
  const t = useTranslations("contacts.details");
  const canEdit = useCan("contacts.write");
  const update = useUpdateContact();
  const errorMessage = useErrorMessage();
  const attributes = Object.entries(contact.attributes ?? {});

  const save = (field: "name" | "category") => async (value: string) => {
    try {
      await update.mutateAsync({ waId: contact.waId, [field]: value || null });
      toast.success(t("saved"));
    } catch (e) {
      toast.error(errorMessage(e));
      throw e;
    }
  };

  return (
    <div className="flex flex-col gap-4" data-testid="contact-details">
      {header && (
        <div className="flex items-center gap-3">
          <UserAvatar name={contact.displayName} size="lg" />
          <div className="min-w-0">
            <p className="truncate font-semibold" data-testid="contact-display-name">
              {contact.displayName}
            </p>
            <p className="truncate text-sm text-muted-foreground tabular-nums">{phoneOf(contact.waId)}</p>
          </div>
        </div>
      )}
      <dl className="flex flex-col gap-1.5">
        <Row label={t("name")}>
          <InlineEdit label={t("name")} value={contact.name} placeholder={t("noName")} onSave={save("name")} canEdit={canEdit} maxLength={120} testId="contact-name" />
        </Row>
        <Row label={t("phone")}>
          <span className="flex items-center gap-1">
            <span className="truncate tabular-nums">{phoneOf(contact.waId)}</span>
            <CopyButton value={phoneOf(contact.waId)} size="icon-sm" variant="ghost" label={t("copyPhone")} data-testid="contact-copy-phone" />
          </span>
        </Row>
        <Row label={t("profileName")}>
          <span className="truncate">{contact.profileName ?? "—"}</span>
        </Row>
        {contact.email && (
          <Row label={t("email")}>
            <span className="truncate">{contact.email}</span>
          </Row>
        )}
        <Row label={t("category")}>
          <InlineEdit label={t("category")} value={contact.category} placeholder={t("noCategory")} onSave={save("category")} canEdit={canEdit} maxLength={60} testId="contact-category" />
        </Row>
      </dl>
      {attributes.length > 0 && (
        <div className="flex flex-col gap-1.5">
          <h4 className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{t("attributes")}</h4>
          <dl className="flex flex-col gap-1">
            {attributes.map(([key, value]) => (
              <Row key={key} label={key}>
                <span className="break-words">{formatAttribute(value)}</span>
              </Row>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
}
