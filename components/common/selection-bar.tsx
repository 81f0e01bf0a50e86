"use client";

import type { ReactNode } from "react";
import { XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/utils";

const STYLES = {
  // Above a table (settings pages).
  card: { bar: "flex-wrap gap-2 rounded-lg border border-primary/25", actions: "flex-wrap gap-1.5" },
  // Across a narrow pane (the inbox list).
  strip: { bar: "gap-1.5 border-b", actions: "gap-1" },
};

/**
 * The bar over checked rows: how many are selected, a spinner while a bulk action runs, the actions, and × to clear
 * the selection.
 */
export function SelectionBar(props: {
  label: string;
  selected: string;
  pending: boolean;
  clearLabel: string;
  onClear: () => void;
  variant?: keyof typeof STYLES;
  testId?: string;
  clearTestId?: string;
  children: ReactNode;
}) {
  const style = STYLES[props.variant ?? "card"];
  return (
    <div className={cn("flex items-center bg-primary/5 px-3 py-2 text-sm", style.bar)} role="region" aria-label={props.label} data-testid={props.testId}>
      <span className="font-medium whitespace-nowrap" aria-live="polite">
        {props.selected}
      </span>
      {props.pending && <Spinner />}
      <div className={cn("ml-auto flex items-center", style.actions)}>
        {props.children}
        <Button variant="ghost" size="icon-sm" onClick={props.onClear} aria-label={props.clearLabel} data-testid={props.clearTestId}>
          <XIcon />
        </Button>
      </div>
    </div>
  );
}
