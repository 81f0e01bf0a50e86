import { notFound } from "next/navigation";
import { Suspense } from "react";
import { BotHeader } from "@/components/bot/configs/bot-header";
import { pageContext } from "@/lib/auth/nextauth";

/** The bot builder: admins only (bot.manage); the header and tab bar stay put while the tabs change. */
export default async function BotLayout({ children }: { children: React.ReactNode }) {
  const { ctx } = await pageContext();
  if (!ctx?.permissions.has("bot.manage")) notFound();
  return (
    <div className="flex min-w-0 flex-col gap-5" data-testid="bot-builder">
      <Suspense fallback={<div className="h-10 border-b" aria-hidden="true" />}>
        <BotHeader />
      </Suspense>
      {children}
    </div>
  );
}
