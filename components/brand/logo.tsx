import { cn } from "@/lib/utils";

export function LogoMark({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex size-8 items-center justify-center rounded-lg bg-primary text-primary-foreground shadow-sm", className)}>
      <svg viewBox="0 0 24 24" fill="none" className="size-[62%]" aria-hidden="true">
        <path
          d="M4 11.5C4 7.358 7.582 4 12 4s8 3.358 8 7.5S16.418 19 12 19c-1.07 0-2.09-.197-3.02-.555L5 20l1.2-3.35C4.83 15.33 4 13.5 4 11.5Z"
          fill="currentColor"
          fillOpacity=".22"
          stroke="currentColor"
          strokeWidth="1.7"
          strokeLinejoin="round"
        />
        <path d="M9 11.5h.01M12 11.5h.01M15 11.5h.01" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
      </svg>
    </span>
  );
}

export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2.5", className)}>
      <LogoMark />
      <span className="text-[15px] font-semibold tracking-tight">CX Inbox</span>
    </span>
  );
}
