// A connection's PSA pick lists (boards, statuses, priorities, queues, SLAs…), cached by the hub.
// Refresh reads the PSA again; the effective ticket settings are then resolved against the new lists.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../client/client.ts';
import type { paths } from '../client/schema';

export type PsaKindName =
  paths['/api/v1/partners/{id}/ticket-defaults/{kind}']['get']['parameters']['path']['kind'];

const pickListsKey = (id: string) => ['pick-lists', id] as const;

export function usePickLists(id: string | undefined) {
  return useQuery({
    queryKey: pickListsKey(id ?? ''),
    queryFn: () =>
      call(api.GET('/api/v1/connections/{id}/pick-lists', { params: { path: { id: id! }, query: {} } })),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
}

export function useRefreshPickLists(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      call(
        api.GET('/api/v1/connections/{id}/pick-lists', {
          params: { path: { id }, query: { refresh: true } },
        }),
      ),
    onSuccess: async (lists) => {
      queryClient.setQueryData(pickListsKey(id), lists);
      await queryClient.invalidateQueries({ queryKey: ['ticket-settings'] });
    },
  });
}
