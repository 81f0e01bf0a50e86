"use client";

import { isValidElement, type ReactElement, type ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { ErrorState } from "./error-state";
import { TableSkeleton } from "./table-skeleton";

/** A list, or a page `{ data, total… }` of one, with no items. */
function hasNoItems(data: unknown) {
  const items = Array.isArray(data) ? data : (data as { data?: unknown } | null)?.data;
  return Array.isArray(items) && items.length === 0;
}

/**
 * The four faces of a list query: placeholder rows while it loads, the error with a retry, the empty state, or the
 * rows. `skeleton` is the TableSkeleton's size or a placeholder of its own; `isEmpty` replaces the "no items" test,
 * e.g. for a view filtered on the client.
 */
export function QueryState<T, E>({
  query,
  skeleton,
  empty,
  isEmpty = hasNoItems,
  children,
}: {
  query: UseQueryResult<T, E>;
  skeleton: { rows: number; columns: number } | ReactElement;
  empty: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return isValidElement(skeleton) ? skeleton : <TableSkeleton rows={skeleton.rows} columns={skeleton.columns} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return isEmpty(query.data) ? empty : children(query.data);
}
