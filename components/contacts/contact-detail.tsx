"use client";

import Link from "next/link";
import { ArrowLeftIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { ErrorState } from "@/components/common/error-state";
import { PageHeader } from "@/components/common/page-header";
import { useContact, useLiveContacts } from "@/lib/client/contacts";
import { ContactDetails, phoneOf } from "./contact-details";
import { ConversationList } from "./conversation-list";
import { useContactConversations } from "./use-contact-conversations";

function Conversations({ waId }: { waId: string }) {
  const t = useTranslations("contacts.detail");
  const { conversations, isPending, error, refetch } = useContactConversations(waId);
  return <ConversationList conversations={conversations} isPending={isPending} error={error} onRetry={refetch} emptyText={t("noConversations")} />;
}

/** /contacts/[waId]: the contact's details and every conversation with them, each opening in the inbox. */
export function ContactDetail({ waId }: { waId: string }) {
  const t = useTranslations("contacts.detail");
  const contact = useContact(waId);
  useLiveContacts();

  return (
    <div className="flex flex-col gap-6" data-testid="contact-detail">
      <div>
        <Button asChild variant="ghost" size="sm" className="-ml-2 text-muted-foreground">
          <Link href="/contacts" data-testid="contact-back">
            <ArrowLeftIcon />
            {t("back")}
          </Link>
        </Button>
      </div>
      {contact.isPending ? (
        <div className="flex flex-col gap-2" aria-hidden="true">
          <Skeleton className="h-6 w-48" />
          <Skeleton className="h-4 w-32" />
        </div>
      ) : contact.isError ? (
        <ErrorState error={contact.error} onRetry={() => void contact.refetch()} />
      ) : (
        <PageHeader title={contact.data.displayName} description={phoneOf(contact.data.waId)} />
      )}
      {!contact.isError && (
      <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <Card>
          <CardHeader>
            <CardTitle className="text-base">{t("details")}</CardTitle>
          </CardHeader>
          <CardContent>{contact.data ? <ContactDetails contact={contact.data} header={false} /> : <Skeleton className="h-32 w-full" />}</CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="text-base">{t("conversations")}</CardTitle>
          </CardHeader>
          <CardContent>
            <Conversations waId={waId} />
          </CardContent>
        </Card>
      </div>
      )}
    </div>
  );
}
