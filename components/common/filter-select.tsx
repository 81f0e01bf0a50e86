"use client";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

/** A compact toolbar filter; "all" stands for no filter because Radix Select has no empty value. */
export function FilterSelect<T extends string>({
  value,
  onChange,
  options,
  allLabel,
  label,
  testId,
}: {
  value: T | undefined;
  onChange: (v: T | undefined) => void;
  options: { value: T; label: string }[];
  allLabel: string;
  label: string;
  testId?: string;
}) {
  return (
    <Select value={value ?? "all"} onValueChange={(v) => onChange(v === "all" ? undefined : (v as T))}>
      <SelectTrigger size="sm" aria-label={label} data-testid={testId} className="h-9 min-w-36">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value="all">{allLabel}</SelectItem>
        {options.map((o) => (
          <SelectItem key={o.value} value={o.value}>
            {o.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
