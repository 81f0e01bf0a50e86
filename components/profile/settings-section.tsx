import type { ReactNode } from "react";

/** A settings block: what it is on the left, the form on the right (stacked on small screens). */
export function SettingsSection({ title, description, children }: { title: ReactNode; description: ReactNode; children: ReactNode }) {
  return (
    <section className="grid gap-4 py-8 first:pt-2 md:grid-cols-[minmax(0,260px)_minmax(0,1fr)] md:gap-10">
      <div className="space-y-1">
        <h2 className="text-sm font-semibold">{title}</h2>
        <p className="text-sm text-pretty text-muted-foreground">{description}</p>
      </div>
      <div className="max-w-xl">{children}</div>
    </section>
  );
}
