"use client";

import type { ReactNode } from "react";
import Link from "next/link";
import { ExternalLinkIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Separator } from "@/components/ui/separator";
import { Sheet, SheetContent, SheetDescription, SheetTitle } from "@/components/ui/sheet";
import { Skeleton } from "@/components/ui/skeleton";
import { ErrorState } from "@/components/common/error-state";
import { useMediaQuery } from "@/components/common/use-media-query";
import { ContactDetails } from "@/components/contacts/contact-details";
import { ConversationList } from "@/components/contacts/conversation-list";
import { useContact, useLiveContacts } from "@/lib/client/contacts";
import { useContactHistory, useConversation, type Conversation } from "@/lib/client/conversations";
import { useLiveTeams } from "@/lib/client/teams";
import { ConversationRouting } from "./conversation-routing";
import { ConversationTags } from "./conversation-tags";
import { FollowUpSection } from "./follow-up-section";

/** Wide screens show the panel as the inbox's third column; narrower ones open it as a sheet over the thread. */
const INLINE_QUERY = "(min-width: 1280px)";

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="flex flex-col gap-2.5" aria-label={title} data-testid={testId}>
      <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">{title}</h3>
      {children}
    </section>
  );
}

function PanelSkeleton() {
  return (
    <div className="flex flex-col gap-4 p-4" aria-hidden="true">
      <div className="flex items-center gap-3">
        <Skeleton className="size-10 rounded-full" />
        <div className="flex flex-1 flex-col gap-1.5">
          <Skeleton className="h-4 w-32" />
          <Skeleton className="h-3 w-24" />
        </div>
      </div>
      {Array.from({ length: 5 }, (_, i) => (
        <Skeleton key={i} className="h-8 w-full" />
      ))}
    </div>
  );
}

function ContactSection({ waId }: { waId: string }) {
  const contact = useContact(waId);
  if (contact.isPending) return <PanelSkeleton />;
  if (contact.isError) return <ErrorState error={contact.error} onRetry={() => void contact.refetch()} className="py-4" />;
  return <ContactDetails contact={contact.data} />;
}

function PanelBody({ conversation }: { conversation: Conversation }) {
  const t = useTranslations("contacts.panel");
  const history = useContactHistory(conversation.id);
  return (
    <div className="flex flex-col gap-5 p-4">
      <ContactSection waId={conversation.contact.waId} />
      <Separator />
      <Section title={t("tags")} testId="panel-tags">
        <ConversationTags conversation={conversation} />
      </Section>
      <Section title={t("followUp")} testId="panel-follow-up">
        <FollowUpSection conversation={conversation} />
      </Section>
      <Section title={t("conversation")} testId="panel-routing">
        <ConversationRouting conversation={conversation} />
      </Section>
      <Separator />
      <Section title={t("history")} testId="panel-history">
        <ConversationList
          conversations={history.data?.data}
          isPending={history.isPending}
          error={history.error}
          onRetry={() => void history.refetch()}
          emptyText={t("noHistory")}
          compact
        />
      </Section>
    </div>
  );
}

function PanelContent({ conversationId, onClose, inSheet }: { conversationId: string; onClose?: () => void; inSheet: boolean }) {
  const t = useTranslations("contacts.panel");
  const conversation = useConversation(conversationId);
  const waId = conversation.data?.contact.waId;
  const TitleTag = inSheet ? SheetTitle : "h2";
  return (
    <>
      <header className="sticky top-0 z-10 flex h-14 shrink-0 items-center gap-2 border-b bg-background px-4">
        <TitleTag className="flex-1 truncate text-sm font-semibold">{t("title")}</TitleTag>
        {inSheet && <SheetDescription className="sr-only">{t("description")}</SheetDescription>}
        {waId && (
          <Button asChild variant="ghost" size="icon-sm" aria-label={t("openContact")} data-testid="contact-panel-open-contact">
            <Link href={`/contacts/${waId}`}>
              <ExternalLinkIcon />
            </Link>
          </Button>
        )}
        {onClose && (
          <Button variant="ghost" size="icon-sm" aria-label={t("close")} onClick={onClose} data-testid="contact-panel-close">
            <XIcon />
          </Button>
        )}
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {conversation.isPending ? (
          <PanelSkeleton />
        ) : conversation.isError ? (
          <ErrorState error={conversation.error} onRetry={() => void conversation.refetch()} />
        ) : (
          <PanelBody conversation={conversation.data} />
        )}
      </div>
    </>
  );
}

/** Contact details, tags, follow-up, priority/team and the contact's other conversations, for the open conversation. */
export function ContactPanel({ conversationId, onClose }: { conversationId: string; onClose?: () => void }) {
  const inline = useMediaQuery(INLINE_QUERY);
  useLiveContacts();
  useLiveTeams();

  if (inline)
    return (
      <aside className="flex h-full w-80 shrink-0 flex-col border-l bg-background" data-testid="contact-panel">
        <PanelContent conversationId={conversationId} onClose={onClose} inSheet={false} />
      </aside>
    );
  return (
    <Sheet open onOpenChange={(open) => !open && onClose?.()}>
      <SheetContent side="right" showCloseButton={false} className="w-full gap-0 p-0 sm:max-w-sm" data-testid="contact-panel">
        <PanelContent conversationId={conversationId} onClose={onClose} inSheet />
      </SheetContent>
    </Sheet>
  );
}
