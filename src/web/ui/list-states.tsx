// A list's four states in one place: loading, the hub's error with a retry, empty — with the way to
// clear the filters when filters emptied it — and the list itself.
import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingState } from './states.tsx';

export interface ListQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

export function ListStates({
  query,
  what,
  count,
  empty,
  filtered = false,
  noMatch = 'Nothing matches these filters',
  onClearFilters,
  children,
}: {
  query: ListQuery;
  /** "the event log", "users": in "Loading …" and "Could not load …". */
  what: string;
  /** Rows loaded; 0 shows the empty state. */
  count: number;
  /** What an empty list means, and what to do next, when nothing filters it. */
  empty: { title: string; next: string; action?: ReactNode };
  filtered?: boolean;
  /** The title when filters emptied it: "No alert matches these filters". */
  noMatch?: string;
  onClearFilters?: () => void;
  /** The list, drawn only once there is something to draw. */
  children: () => ReactNode;
}) {
  if (query.isPending) return <LoadingState what={what} />;
  if (query.isError)
    return <ErrorState what={what} error={query.error} onRetry={() => void query.refetch()} />;
  if (count > 0) return <>{children()}</>;
  if (!filtered) return <EmptyState {...empty} />;
  return (
    <EmptyState
      title={noMatch}
      next="Clear a filter, or widen the search, to see more."
      action={
        onClearFilters && (
          <Button variant="light" onClick={onClearFilters}>
            Clear filters
          </Button>
        )
      }
    />
  );
}
