import { Skeleton } from "@/components/ui/skeleton";
import { RowsSkeleton } from "./list/conversation-list";

/** First paint of /inbox while the page (or its address-driven view) loads. */
export function InboxSkeleton() {
  return (
    <div className="flex h-[calc(100dvh-3.5rem)] w-full" aria-busy="true" data-testid="inbox-skeleton">
      <div className="flex w-full flex-col border-r md:w-[320px] xl:w-[340px] 2xl:w-[380px]">
        <div className="flex flex-col gap-2 border-b p-3">
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-9 w-full" />
        </div>
        <RowsSkeleton rows={6} />
      </div>
      <div className="hidden flex-1 md:block" />
    </div>
  );
}
