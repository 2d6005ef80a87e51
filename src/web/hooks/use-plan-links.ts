// Plan mapping of a connection: the partner's plans with the PSA product each maps to, the PSA's
// catalog to pick from, and mapping or unmapping one plan. A change refreshes the plan links (the
// billing pages read the same query).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../client/client.ts';

export const planLinkKeys = {
  list: (connectionId: string) => ['plan-links', connectionId] as const,
  products: (connectionId: string, q: string) => ['products', connectionId, q] as const,
};

export function usePlanLinks(connectionId: string) {
  return useQuery({
    queryKey: planLinkKeys.list(connectionId),
    queryFn: async () =>
      (await call(api.GET('/api/v1/connections/{id}/plan-links', { params: { path: { id: connectionId } } })))
        .items,
  });
}

/** The PSA's catalog, searched on the hub (it caches the catalog), while a picker is open. */
export function useProducts(connectionId: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: planLinkKeys.products(connectionId, q),
    queryFn: () =>
      call(
        api.GET('/api/v1/connections/{id}/products', {
          params: { path: { id: connectionId }, query: q ? { q } : {} },
        }),
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useSetPlanLink(connectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      planId,
      productId,
      allowInactive,
    }: {
      planId: string;
      productId: string;
      allowInactive?: boolean;
    }) =>
      call(
        api.PUT('/api/v1/connections/{id}/plan-links/{planId}', {
          params: { path: { id: connectionId, planId } },
          body: allowInactive ? { productId, allowInactive } : { productId },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planLinkKeys.list(connectionId) }),
  });
}

export function useDeletePlanLink(connectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (planId: string) =>
      call(
        api.DELETE('/api/v1/connections/{id}/plan-links/{planId}', {
          params: { path: { id: connectionId, planId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planLinkKeys.list(connectionId) }),
  });
}
