import { ListSkeleton } from "@/components/ui/list-skeleton";

/** Skeleton while summaries load. */
export default function Loading() {
  return <ListSkeleton />;
}
