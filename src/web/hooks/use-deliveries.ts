// The event log: every write the hub made to a PSA (a delivery), filtered and paged by cursor, one
// with its alert, a retry of one, and the CSV export of the same filters.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../client/client.ts';
import type { DeliveryQuery } from '../client/types.ts';

export type DeliveryFilters = Omit<DeliveryQuery, 'cursor' | 'limit'>;

export function useDeliveries(filters: DeliveryFilters) {
  return useInfiniteQuery({
    queryKey: ['deliveries', 'list', filters],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/deliveries', {
          params: { query: { ...filters, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useDelivery(id: string | null) {
  return useQuery({
    queryKey: ['deliveries', 'one', id],
    queryFn: () => call(api.GET('/api/v1/deliveries/{id}', { params: { path: { id: id! } } })),
    enabled: id !== null,
  });
}

export function useRetryDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.POST('/api/v1/deliveries/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['deliveries'] }),
  });
}

/** The CSV export of what the list shows: a plain link, the session cookie goes with it. */
export function deliveriesCsvUrl(filters: DeliveryFilters): string {
  const params = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  );
  const query = params.toString();
  return `/api/v1/deliveries/export.csv${query ? `?${query}` : ''}`;
}
