import { redirect } from "next/navigation";
import { RealtimeProvider } from "@/components/providers/realtime-provider";
import { AppShell } from "@/components/shell/app-shell";
import { MeProvider } from "@/components/shell/me-provider";
import { pageContext } from "@/lib/auth/nextauth";
import { realtimeClientConfig } from "@/lib/realtime/config";
import { getMe } from "@/lib/services/auth/me";
import { devMailboxEnabled } from "@/lib/services/mail/dev-mailbox";
import { devToolsEnabled } from "@/lib/services/sandbox/enabled";

/**
 * Every signed-in page: the cookie must still name a valid principal (a password change elsewhere or a removed
 * membership ends it), and the shell renders with /auth/me already known.
 */
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const page = await pageContext();
  if (!page.ctx) redirect(page.reason === "suspended" ? "/login?suspended=1" : "/login");
  const me = await getMe(page.ctx);
  const devMailbox = devMailboxEnabled() && page.ctx.permissions.has("mailbox.read");
  return (
    <MeProvider me={me}>
      <RealtimeProvider config={realtimeClientConfig()} orgId={me.organization.id}>
        <AppShell devMailbox={devMailbox} devTools={devToolsEnabled()}>{children}</AppShell>
      </RealtimeProvider>
    </MeProvider>
  );
}
