"use client";

import { useMemo, useState } from "react";
import { InboxIcon, LinkIcon, MailIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { ErrorState } from "@/components/common/error-state";
import { PageHeader } from "@/components/common/page-header";
import { RelativeTime } from "@/components/common/relative-time";
import { SearchInput } from "@/components/common/search-input";
import { useDevMailbox, type DevMail } from "@/lib/client/mailbox";
import { cn } from "@/lib/utils";

/** Every http(s) link of a mail, from its HTML anchors or, for text-only mails, from the text. */
function extractLinks(mail: DevMail): string[] {
  const found = new Set<string>();
  if (mail.html && typeof DOMParser !== "undefined") {
    const doc = new DOMParser().parseFromString(mail.html, "text/html");
    for (const a of doc.querySelectorAll("a[href]")) {
      const href = a.getAttribute("href") ?? "";
      if (/^https?:\/\//i.test(href)) found.add(href);
    }
  }
  for (const m of mail.text.matchAll(/https?:\/\/[^\s<>"')]+/g)) found.add(m[0]);
  return [...found];
}

function MailView({ mail }: { mail: DevMail }) {
  const t = useTranslations("mailbox");
  const format = useFormatter();
  const links = useMemo(() => extractLinks(mail), [mail]);
  return (
    <article className="flex min-h-0 flex-1 flex-col" aria-label={mail.subject}>
      <header className="space-y-2 border-b px-5 py-4">
        <h2 className="text-base font-semibold text-balance" data-testid="mail-subject">
          {mail.subject}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-muted-foreground">
          <dt>{t("to")}</dt>
          <dd className="text-foreground">{mail.to}</dd>
          <dt>{t("date")}</dt>
          <dd>{format.dateTime(new Date(mail.createdAt), { dateStyle: "medium", timeStyle: "medium" })}</dd>
        </dl>
        {links.length > 0 && (
          <div className="flex flex-col gap-1 pt-1">
            <p className="text-xs font-medium text-muted-foreground">{t("links")}</p>
            <ul className="flex flex-col gap-1">
              {links.map((href) => (
                <li key={href} className="flex min-w-0 items-center gap-1.5 text-sm">
                  <LinkIcon className="size-3.5 shrink-0 text-muted-foreground" aria-hidden="true" />
                  <a href={href} data-testid="mail-link" className="truncate text-primary underline-offset-4 hover:underline">
                    {href}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
      </header>
      <Tabs defaultValue={mail.html ? "html" : "text"} className="min-h-0 flex-1 gap-0">
        <div className="border-b px-5 py-2">
          <TabsList className="h-8">
            <TabsTrigger value="html" disabled={!mail.html}>
              HTML
            </TabsTrigger>
            <TabsTrigger value="text">{t("text")}</TabsTrigger>
          </TabsList>
        </div>
        <TabsContent value="html" className="min-h-[420px] bg-white">
          {/* sandbox="" : no scripts, no forms, no navigation of this page from the mail. */}
          {mail.html && <iframe title={mail.subject} sandbox="" srcDoc={mail.html} className="size-full min-h-[420px] border-0" />}
        </TabsContent>
        <TabsContent value="text" className="p-5">
          <pre className="font-mono text-xs leading-relaxed whitespace-pre-wrap">{mail.text}</pre>
        </TabsContent>
      </Tabs>
    </article>
  );
}

function ListSkeleton() {
  return (
    <div className="divide-y" aria-busy="true">
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="space-y-2 px-4 py-3">
          <Skeleton className="h-3 w-32" />
          <Skeleton className="h-3.5 w-52 max-w-full" />
        </div>
      ))}
    </div>
  );
}

export function DevMailbox() {
  const t = useTranslations("mailbox");
  const query = useDevMailbox();
  const [filter, setFilter] = useState("");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const mails = useMemo(() => {
    const all = [...(query.data?.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const f = filter.trim().toLowerCase();
    return f ? all.filter((m) => m.to.toLowerCase().includes(f) || m.subject.toLowerCase().includes(f)) : all;
  }, [query.data, filter]);
  const selected = mails.find((m) => m.id === selectedId) ?? mails[0];

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid min-h-[560px] overflow-hidden rounded-lg border bg-card md:grid-cols-[minmax(0,320px)_minmax(0,1fr)]">
        <div className="flex min-h-0 flex-col border-b md:border-r md:border-b-0">
          <div className="border-b p-3">
            <SearchInput value={filter} onValueChange={setFilter} placeholder={t("filter")} aria-label={t("filter")} className="h-8" />
          </div>
          {query.isPending ? (
            <ListSkeleton />
          ) : query.isError ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : mails.length === 0 ? (
            <EmptyState icon={InboxIcon} title={filter ? t("noMatch") : t("emptyTitle")} description={filter ? undefined : t("emptyText")} />
          ) : (
            <ul className="max-h-[640px] divide-y overflow-y-auto" aria-label={t("list")}>
              {mails.map((m) => (
                <li key={m.id}>
                  <button
                    type="button"
                    data-testid="mail-row"
                    data-to={m.to}
                    aria-current={m.id === selected?.id ? "true" : undefined}
                    onClick={() => setSelectedId(m.id)}
                    className={cn(
                      "flex w-full flex-col gap-0.5 px-4 py-3 text-left transition-colors outline-none hover:bg-muted/60 focus-visible:bg-muted",
                      m.id === selected?.id && "bg-primary/[.06] shadow-[inset_2px_0_0_var(--primary)]",
                    )}
                  >
                    <span className="flex items-center justify-between gap-2 text-xs text-muted-foreground">
                      <span className="truncate">{m.to}</span>
                      <span className="shrink-0">
                        <RelativeTime value={m.createdAt} />
                      </span>
                    </span>
                    <span className="truncate text-sm font-medium">{m.subject}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="flex min-h-0 flex-col">
          {selected ? (
            <MailView key={selected.id} mail={selected} />
          ) : (
            <div className="flex flex-1 items-center justify-center bg-muted/30" aria-hidden="true">
              <MailIcon className="size-10 text-muted-foreground/30" />
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
