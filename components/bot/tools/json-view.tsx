import { cn } from "@/lib/utils";

const pretty = (value: unknown) => {
  if (typeof value === "string") {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2) ?? String(value);
};

/** Any value as indented JSON (a JSON string is parsed first), scrollable and selectable. */
export function JsonView({ value, className, testId }: { value: unknown; className?: string; testId?: string }) {
  return (
    <pre className={cn("max-h-80 overflow-auto rounded-md border bg-muted/40 p-3 font-mono text-xs break-all whitespace-pre-wrap", className)} tabIndex={0} data-testid={testId}>
      {pretty(value)}
    </pre>
  );
}
