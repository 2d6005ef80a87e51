// Alerts: the filtered list (paged by cursor), one with its events, tickets and deliveries, and the
// two ways to try again: one alert, or a selection (by ids or by the list's filters).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../client/client.ts';
import type { AlertQuery } from '../client/types.ts';

export type AlertFilters = Omit<AlertQuery, 'cursor' | 'limit'>;

export function useAlerts(filters: AlertFilters) {
  return useInfiniteQuery({
    queryKey: ['alerts', 'list', filters],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/alerts', {
          params: { query: { ...filters, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useAlert(id: string | null) {
  return useQuery({
    queryKey: ['alerts', 'one', id],
    queryFn: () => call(api.GET('/api/v1/alerts/{id}', { params: { path: { id: id! } } })),
    enabled: id !== null,
  });
}

export function useRetryAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.POST('/api/v1/alerts/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['alerts'] }),
  });
}

export function useReprocessAlerts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (selection: { alertIds: string[] } | AlertFilters) =>
      call(api.POST('/api/v1/alerts/reprocess', { body: selection })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['alerts'] }),
  });
}
