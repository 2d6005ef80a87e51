// Billing change sets: the filtered list (paged by cursor) and the decision on a selection.
// Approving queues a run per connection that writes the sets; while any shown set is approved and
// not yet written, the list reads itself again every two seconds, so "applied" shows up on its own.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../client/client.ts';
import type { ChangeSetQuery } from './billing-types.ts';

export type ChangeSetFilters = Omit<ChangeSetQuery, 'cursor' | 'limit'>;

export const changeSetKeys = {
  all: ['billing', 'change-sets'] as const,
  list: (filters: ChangeSetFilters) => ['billing', 'change-sets', filters] as const,
};

export function useChangeSets(filters: ChangeSetFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: changeSetKeys.list(filters),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/billing/change-sets', {
          params: { query: { ...filters, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((s) => s.state === 'approved')) ? 2000 : false,
  });
}

export function useDecideChangeSets(decision: 'approve' | 'reject') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) =>
      decision === 'approve'
        ? call(api.POST('/api/v1/billing/change-sets/approve', { body: { ids } }))
        : call(api.POST('/api/v1/billing/change-sets/reject', { body: { ids } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: changeSetKeys.all }),
  });
}
