import { InboxSkeleton } from "@/components/inbox/inbox-skeleton";

export default function InboxLoading() {
  return <InboxSkeleton />;
}
