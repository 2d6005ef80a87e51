// PSA connections: the list of a partner's, one, and every change to them. Each mutation refreshes
// exactly the queries it changes: the connection itself and the lists it appears in.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, call } from '../client/client.ts';
import type { Connection } from '../client/types.ts';

export const connectionKeys = {
  all: ['connections'] as const,
  list: (partnerId: string | undefined) => ['connections', 'list', partnerId ?? 'all'] as const,
  one: (id: string) => ['connections', 'one', id] as const,
};

export function useConnections(partnerId: string | undefined) {
  return useQuery({
    queryKey: connectionKeys.list(partnerId),
    queryFn: async () =>
      (await call(api.GET('/api/v1/connections', { params: { query: partnerId ? { partnerId } : {} } })))
        .items,
  });
}

export function useConnection(id: string) {
  return useQuery({
    queryKey: connectionKeys.one(id),
    queryFn: () => call(api.GET('/api/v1/connections/{id}', { params: { path: { id } } })),
  });
}

/** A changed connection replaces its cached copy; the lists are read again. */
async function changed(queryClient: QueryClient, c: Connection) {
  queryClient.setQueryData(connectionKeys.one(c.id), (old: Connection | undefined) => ({ ...old, ...c }));
  await queryClient.invalidateQueries({ queryKey: ['connections', 'list'] });
}

export interface ConnectInput {
  partnerId: string;
  kind: 'connectwise' | 'autotask' | 'halopsa';
  name: string;
  siteUrl?: string;
  credentials: Record<string, string>;
}

export function useCreateConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConnectInput) => call(api.POST('/api/v1/connections', { body })),
    onSuccess: (created) => changed(queryClient, created.connection),
  });
}

export function useUpdateCredentials(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { siteUrl?: string; credentials: Record<string, string> }) =>
      call(api.PUT('/api/v1/connections/{id}/credentials', { params: { path: { id } }, body })),
    onSuccess: (answer) => changed(queryClient, answer.connection),
  });
}

/** Reads the PSA now: identity and every permission the hub needs, each with how to fix it. */
export function useCheckConnection(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/connections/{id}/check', { params: { path: { id } } })),
    onSuccess: (answer) => changed(queryClient, answer.connection),
    // A failed check is recorded as the connection's health: show it.
    onError: () => queryClient.invalidateQueries({ queryKey: connectionKeys.all }),
  });
}

export function useConnectionAction(id: string, action: 'default' | 'reset' | 'revoke') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => {
      const params = { params: { path: { id } } };
      if (action === 'default') return call(api.POST('/api/v1/connections/{id}/default', params));
      if (action === 'reset') return call(api.POST('/api/v1/connections/{id}/reset', params));
      return call(api.POST('/api/v1/connections/{id}/revoke', params));
    },
    onSuccess: async (c) => {
      await changed(queryClient, c);
      // Making one the default takes the mark off the other.
      if (action === 'default') await queryClient.invalidateQueries({ queryKey: connectionKeys.all });
    },
  });
}
