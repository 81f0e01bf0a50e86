"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { CheckIcon, PlusIcon, TagIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/sonner";
import { ColorDot } from "@/components/common/tag-badge";
import { useErrorMessage } from "@/components/common/use-api-errors";
import { useCreateTag, useTags, type TagRef } from "@/lib/client/tags";
import { cn } from "@/lib/utils";

type Option = { kind: "tag"; tag: TagRef; selected: boolean } | { kind: "create"; name: string };

/**
 * A combobox over the organization's tags: type to filter, arrows + Enter to pick; a name no tag has offers
 * "Create" (the new tag is then picked too).
 */
export function TagPicker({ selected, onPick }: { selected: TagRef[]; onPick: (tag: TagRef) => void }) {
  const t = useTranslations("contacts.tags");
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const [active, setActive] = useState(0);
  const tags = useTags();
  const create = useCreateTag();
  const errorMessage = useErrorMessage();
  const listId = useId();

  const term = search.trim();
  const chosen = new Set(selected.map((s) => s.id));
  const matches = (tags.data ?? []).filter((tag) => tag.name.toLowerCase().includes(term.toLowerCase()));
  const exact = (tags.data ?? []).some((tag) => tag.name.toLowerCase() === term.toLowerCase());
  const options: Option[] = [
    ...matches.map((tag) => ({ kind: "tag" as const, tag, selected: chosen.has(tag.id) })),
    ...(term && !exact ? [{ kind: "create" as const, name: term }] : []),
  ];
  const current = Math.min(active, Math.max(options.length - 1, 0));

  const close = () => {
    setOpen(false);
    setSearch("");
    setActive(0);
  };

  const choose = async (option: Option | undefined) => {
    if (!option) return;
    if (option.kind === "tag") {
      if (!option.selected) onPick(option.tag);
      return close();
    }
    try {
      const tag = await create.mutateAsync({ name: option.name });
      onPick(tag);
      close();
    } catch (e) {
      toast.error(errorMessage(e));
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((current + step + options.length) % Math.max(options.length, 1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      void choose(options[current]);
    }
  };

  const optionId = (i: number) => `${listId}-${i}`;

  return (
    <Popover open={open} onOpenChange={(o) => (o ? setOpen(true) : close())}>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" className="h-7 gap-1 px-2 text-xs" data-testid="add-tag">
          <PlusIcon />
          {t("add")}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="start" className="w-64 p-0">
        <div className="border-b p-2">
          <Input
            autoFocus
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-activedescendant={options.length ? optionId(current) : undefined}
            aria-label={t("search")}
            placeholder={t("search")}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            maxLength={50}
            className="h-8"
            data-testid="tag-search"
          />
        </div>
        <ul id={listId} role="listbox" aria-label={t("label")} className="max-h-64 overflow-y-auto p-1">
          {tags.isPending && (
            <li className="flex justify-center p-3">
              <Spinner />
            </li>
          )}
          {!tags.isPending && options.length === 0 && <li className="px-2 py-3 text-center text-sm text-muted-foreground">{term ? t("noMatch") : t("none")}</li>}
          {options.map((option, i) => (
            <li
              key={option.kind === "tag" ? option.tag.id : "create"}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              aria-disabled={option.kind === "tag" && option.selected ? true : undefined}
              data-testid={option.kind === "tag" ? `tag-option-${option.tag.name}` : "tag-create"}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void choose(option)}
              className={cn(
                "flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 text-sm",
                i === current && "bg-accent text-accent-foreground",
                option.kind === "tag" && option.selected && "opacity-60",
              )}
            >
              {option.kind === "tag" ? (
                <>
                  <ColorDot color={option.tag.color} />
                  <span className="flex-1 truncate">{option.tag.name}</span>
                  {option.selected && <CheckIcon className="size-4" aria-label={t("alreadyAdded")} />}
                </>
              ) : (
                <>
                  {create.isPending ? <Spinner /> : <TagIcon className="size-4" />}
                  <span className="flex-1 truncate">{t("create", { name: option.name })}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      </PopoverContent>
    </Popover>
  );
}
