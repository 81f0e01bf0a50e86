"use client";

import type { LucideIcon } from "lucide-react";
import { EllipsisIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

export type RowAction = { label: string; icon: LucideIcon; onSelect: () => void; destructive?: boolean; disabled?: boolean; testId?: string };

/**
 * The "…" menu at the end of a table row; destructive actions go last, after a separator. Falsy entries are skipped,
 * so an action that does not apply to the row can be written inline as `condition && {…}`; no action, no menu.
 */
export function RowActions({ label, actions, testId }: { label: string; actions: (RowAction | false | null | undefined)[]; testId?: string }) {
  const present = actions.filter((a): a is RowAction => Boolean(a));
  if (!present.length) return null;
  const safe = present.filter((a) => !a.destructive);
  const destructive = present.filter((a) => a.destructive);
  const item = (a: RowAction) => (
    <DropdownMenuItem key={a.label} variant={a.destructive ? "destructive" : "default"} disabled={a.disabled} onSelect={a.onSelect} data-testid={a.testId}>
      <a.icon />
      {a.label}
    </DropdownMenuItem>
  );
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon-sm" aria-label={label} data-testid={testId}>
          <EllipsisIcon />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="min-w-48">
        {safe.map(item)}
        {safe.length > 0 && destructive.length > 0 && <DropdownMenuSeparator />}
        {destructive.map(item)}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
