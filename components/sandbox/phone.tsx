"use client";

import { Fragment, useEffect, useRef, useState } from "react";
import { BadgeCheckIcon, ChevronLeftIcon, SmartphoneIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "@/components/ui/sonner";
import { Skeleton } from "@/components/ui/skeleton";
import { ErrorState } from "@/components/common/error-state";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { initials } from "@/components/common/user-avatar";
import { useSandboxThread, useSendAsCustomer, type CustomerMessageInput, type SandboxCustomer, type SandboxCustomers, type SandboxMessage } from "@/lib/client/sandbox";
import { formatWaId } from "./customer-list";
import { Composer } from "./composer";
import { MessageBubble } from "./message-bubble";
import { Ticks } from "./ticks";

type Business = SandboxCustomers["number"];
/** A message the customer sent that the pipeline has not stored yet: shown with a clock until it appears. */
type Pending = { key: string; preview: string; wamid?: string; at: string };

const CHAT_BG = "bg-[#efeae2] dark:bg-[#0b141a]";

function Frame({ children }: { children: React.ReactNode }) {
  return (
    <div className="relative h-[min(760px,calc(100dvh-9rem))] min-h-[560px] w-full max-w-[400px] rounded-[2.9rem] bg-zinc-900 p-[11px] shadow-[0_30px_60px_-20px_rgba(0,0,0,0.45)] ring-1 ring-zinc-700/50" data-testid="sandbox-phone">
      <div className="absolute top-[18px] left-1/2 z-20 h-[26px] w-[96px] -translate-x-1/2 rounded-full bg-black" aria-hidden="true" />
      <div className={`relative flex h-full flex-col overflow-hidden rounded-[2.3rem] ${CHAT_BG}`}>{children}</div>
    </div>
  );
}

function Header({ business, typing }: { business: Business | null; typing: boolean }) {
  const t = useTranslations("sandbox.phone");
  const name = business?.verifiedName ?? t("business");
  return (
    <header className="flex items-center gap-2.5 bg-[#008069] px-3 pt-11 pb-2.5 text-white dark:bg-[#1f2c34]">
      <ChevronLeftIcon className="size-5 opacity-90" aria-hidden="true" />
      <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-white/20 text-xs font-semibold">{initials(name)}</span>
      <div className="min-w-0 flex-1">
        <p className="flex items-center gap-1 truncate text-[15px] leading-5 font-semibold">
          {name}
          <BadgeCheckIcon className="size-4 shrink-0 fill-emerald-400 text-[#008069] dark:text-[#1f2c34]" aria-hidden="true" />
        </p>
        <p className="truncate text-xs leading-4 text-white/80" aria-live="polite" data-testid="sandbox-presence">
          {typing ? t("typing") : (business?.displayPhoneNumber ?? "")}
        </p>
      </div>
    </header>
  );
}

function DayDivider({ at }: { at: string }) {
  const format = useFormatter();
  return (
    <div className="my-2 flex justify-center">
      <span className="rounded-md bg-white/90 px-2.5 py-1 text-[11px] font-medium text-zinc-600 shadow-sm dark:bg-[#182229] dark:text-zinc-300">
        {format.dateTime(new Date(at), { dateStyle: "medium" })}
      </span>
    </div>
  );
}

function ThreadSkeleton() {
  return (
    <div className="flex flex-col gap-3 p-4" aria-busy="true">
      <Skeleton className="h-10 w-48 self-start rounded-lg bg-white/70" />
      <Skeleton className="h-10 w-40 self-end rounded-lg bg-white/70" />
      <Skeleton className="h-16 w-56 self-start rounded-lg bg-white/70" />
    </div>
  );
}

export function Phone({ customer, business }: { customer: SandboxCustomer | null; business: Business | null }) {
  const t = useTranslations("sandbox.phone");
  const thread = useSandboxThread(customer?.id ?? null);
  const send = useSendAsCustomer(customer?.id ?? "");
  const errorMessage = useErrorMessage();
  const [pending, setPending] = useState<Pending[]>([]);
  const [replyTo, setReplyTo] = useState<SandboxMessage | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  const messages = thread.data?.messages ?? [];
  const stored = new Set(messages.map((m) => m.wamid));
  const waiting = pending.filter((p) => !p.wamid || !stored.has(p.wamid));
  const businessName = business?.verifiedName ?? t("business");

  // Stick to the newest message while the reader is at the bottom, also when a picture finishes loading.
  const content = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  useEffect(() => {
    const el = scroller.current;
    if (!el || !content.current) return;
    const onScroll = () => {
      atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    };
    const observer = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(content.current);
    el.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener("scroll", onScroll);
    };
  }, []);

  const onSend = (input: CustomerMessageInput, preview: string | null) => {
    const key = crypto.randomUUID();
    if (preview) setPending((p) => [...p, { key, preview, at: new Date().toISOString() }]);
    // mutateAsync, not mutate's callbacks: those fire only for the latest of several quick sends.
    send.mutateAsync(input).then(
      ({ wamid }) => setPending((p) => p.map((x) => (x.key === key ? { ...x, wamid } : x))),
      (err: unknown) => {
        setPending((p) => p.filter((x) => x.key !== key));
        toast.error(errorMessage(err));
      },
    );
  };

  if (!customer) {
    return (
      <Frame>
        <Header business={business} typing={false} />
        <div className="flex flex-1 flex-col items-center justify-center gap-3 px-10 text-center text-sm text-zinc-600 dark:text-zinc-300">
          <SmartphoneIcon className="size-8 text-emerald-600" aria-hidden="true" />
          {t("pick")}
        </div>
      </Frame>
    );
  }

  const customerName = customer.name ?? formatWaId(customer.waId);
  return (
    <Frame>
      <Header business={business} typing={Boolean(thread.data?.businessTyping)} />
      <div className="flex items-center justify-center gap-1.5 bg-amber-50/90 px-3 py-1 text-[11px] text-amber-900 dark:bg-amber-500/10 dark:text-amber-200">
        {t("actingAs", { name: customerName, phone: formatWaId(customer.waId) })}
      </div>
      <div ref={scroller} className="flex-1 overflow-y-auto" data-testid="sandbox-thread" aria-live="polite">
        <div ref={content} className="flex min-h-full flex-col gap-1.5 px-3 py-3">
          {thread.isPending ? (
            <ThreadSkeleton />
          ) : thread.isError ? (
            <ErrorState error={thread.error} onRetry={() => void thread.refetch()} className="rounded-lg bg-white/80 dark:bg-black/30" />
          ) : messages.length === 0 && waiting.length === 0 ? (
            <div className="m-auto max-w-[80%] rounded-lg bg-[#fff5c4] px-3 py-2 text-center text-xs text-zinc-700 shadow-sm dark:bg-[#182229] dark:text-zinc-300">
              {t("empty", { name: businessName })}
            </div>
          ) : (
            messages.map((m, i) => (
              <Fragment key={m.id}>
                {(i === 0 || new Date(messages[i - 1].createdAt).toDateString() !== new Date(m.createdAt).toDateString()) && <DayDivider at={m.createdAt} />}
                <MessageBubble m={m} businessName={businessName} onSend={onSend} onReply={setReplyTo} />
              </Fragment>
            ))
          )}
          {waiting.map((p) => (
            <div key={p.key} className="flex justify-end" data-testid="sandbox-pending">
              <div className="max-w-[85%] rounded-lg rounded-tr-none bg-[#d9fdd3] px-2.5 pt-1.5 pb-1 text-[14.2px] leading-[19px] text-zinc-900 opacity-80 shadow-sm dark:bg-[#005c4b] dark:text-zinc-100">
                <p className="break-words whitespace-pre-wrap">{p.preview}</p>
                <div className="flex justify-end pt-0.5">
                  <Ticks status="PENDING" />
                </div>
              </div>
            </div>
          ))}
        </div>
      </div>
      <Composer disabled={!customer} replyTo={replyTo} businessName={businessName} onCancelReply={() => setReplyTo(null)} onSend={onSend} />
    </Frame>
  );
}
