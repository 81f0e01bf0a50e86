import { cn } from "@/lib/utils";
import { initials, tintFor } from "@/components/common/user-avatar";

/** The organization's logo, or its initials on a stable tint. */
export function OrgMark({ name, logoUrl, className }: { name: string; logoUrl?: string | null; className?: string }) {
  if (logoUrl) {
    // eslint-disable-next-line @next/next/no-img-element -- tenant uploads are served by our own file route, not next/image
    return <img src={logoUrl} alt="" className={cn("size-7 shrink-0 rounded-md object-cover", className)} />;
  }
  return (
    <span aria-hidden="true" className={cn("inline-flex size-7 shrink-0 items-center justify-center rounded-md text-xs font-semibold", tintFor(name), className)}>
      {initials(name)}
    </span>
  );
}
