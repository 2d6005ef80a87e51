// Bearer tokens, the two kinds the hub hands out: my personal access tokens (/me/tokens, they act as
// me) and the vendor platform's Source API keys (/source-keys, operators). Same shape, same three
// calls; each change refreshes its own list only.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../client/client.ts';

const tokensKey = ['tokens', 'mine'] as const;
const sourceKeysKey = ['tokens', 'source-keys'] as const;

export function useMyTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: async () => (await call(api.GET('/api/v1/me/tokens'))).items,
  });
}

export function useCreateMyToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; expiresAt?: string }) => call(api.POST('/api/v1/me/tokens', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeMyToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/v1/me/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useSourceKeys(enabled: boolean) {
  return useQuery({
    queryKey: sourceKeysKey,
    queryFn: async () => (await call(api.GET('/api/v1/source-keys'))).items,
    enabled,
  });
}

export function useCreateSourceKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string }) => call(api.POST('/api/v1/source-keys', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sourceKeysKey }),
  });
}

export function useRevokeSourceKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/v1/source-keys/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sourceKeysKey }),
  });
}
