import { getTranslations } from "next-intl/server";
import { CheckCircle2Icon } from "lucide-react";
import { Logo, LogoMark } from "@/components/brand/logo";
import { LanguageSwitch } from "@/components/common/language-switch";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("auth.brand");
  const points = [t("point1"), t("point2"), t("point3")];
  return (
    <div className="grid min-h-dvh lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
      <aside className="relative hidden overflow-hidden bg-zinc-950 text-zinc-50 lg:flex lg:flex-col lg:justify-between lg:p-10">
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-0 bg-[radial-gradient(60rem_40rem_at_-10%_-10%,oklch(0.55_0.15_155/.45),transparent_60%),radial-gradient(40rem_30rem_at_110%_110%,oklch(0.55_0.12_200/.35),transparent_60%)]"
        />
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-0 opacity-[.07] [background-image:linear-gradient(to_right,white_1px,transparent_1px),linear-gradient(to_bottom,white_1px,transparent_1px)] [background-size:32px_32px]"
        />
        <div className="relative flex items-center gap-2.5">
          <LogoMark />
          <span className="text-[15px] font-semibold tracking-tight">CX Inbox</span>
        </div>
        <div className="relative max-w-md space-y-6">
          <h2 className="text-3xl leading-tight font-semibold tracking-tight text-balance">{t("headline")}</h2>
          <p className="text-pretty text-zinc-300">{t("subline")}</p>
          <ul className="space-y-3 text-sm text-zinc-200">
            {points.map((p) => (
              <li key={p} className="flex items-start gap-2.5">
                <CheckCircle2Icon className="mt-0.5 size-4 shrink-0 text-emerald-400" aria-hidden="true" />
                {p}
              </li>
            ))}
          </ul>
        </div>
        <p className="relative text-xs text-zinc-400">© {new Date().getFullYear()} CX Inbox</p>
      </aside>
      <main className="flex flex-col">
        <header className="flex items-center justify-between px-6 py-4 sm:px-10">
          <Logo className="lg:invisible" />
          <LanguageSwitch />
        </header>
        <div className="flex flex-1 items-center justify-center px-6 pb-16 sm:px-10">
          <div className="w-full max-w-[400px]">{children}</div>
        </div>
      </main>
    </div>
  );
}
