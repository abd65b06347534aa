import { ListSkeleton } from "@/components/ui/list-skeleton";

/** Skeleton while plans load. */
export default function Loading() {
  return <ListSkeleton />;
}
