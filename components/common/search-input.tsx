"use client";

import type { ComponentProps } from "react";
import { SearchIcon, XIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils";

export function SearchInput({ value, onValueChange, className, ...props }: { value: string; onValueChange: (v: string) => void } & Omit<ComponentProps<"input">, "value" | "onChange">) {
  const t = useTranslations("common");
  return (
    <div className={cn("relative", className)}>
      <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
      <Input type="search" value={value} onChange={(e) => onValueChange(e.target.value)} className="pr-8 pl-8 [&::-webkit-search-cancel-button]:hidden" {...props} />
      {value && (
        <button
          type="button"
          onClick={() => onValueChange("")}
          aria-label={t("clearSearch")}
          className="absolute top-1/2 right-1.5 flex size-6 -translate-y-1/2 items-center justify-center rounded text-muted-foreground hover:text-foreground"
        >
          <XIcon className="size-3.5" />
        </button>
      )}
    </div>
  );
}
