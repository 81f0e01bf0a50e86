"use client";

/** A short "top N" list with proportional CSS bars (top intents, hand-off reasons). */
export function RankedList({ title, empty, items, testId }: { title: string; empty: string; items: { label: string; count: number }[]; testId: string }) {
  const max = Math.max(1, ...items.map((i) => i.count));
  return (
    <section className="flex flex-col gap-3 rounded-lg border bg-card p-4" data-testid={testId}>
      <h3 className="text-sm font-medium">{title}</h3>
      {items.length === 0 ? (
        <p className="py-4 text-sm text-muted-foreground">{empty}</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {items.map((i) => (
            <li key={i.label} className="text-sm">
              <div className="flex justify-between gap-2">
                <span className="truncate">{i.label}</span>
                <span className="tabular-nums text-muted-foreground">{i.count}</span>
              </div>
              <div className="mt-1 h-1.5 rounded-full bg-muted" aria-hidden="true">
                <div className="h-full rounded-full bg-primary/70" style={{ width: `${(i.count / max) * 100}%` }} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
