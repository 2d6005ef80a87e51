// Billing rules per mapped plan of a connection: the plans with their PSA product (plan links),
// each mapped plan's rules with their effective values, and replacing one plan's rules.
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../client/client.ts';
import type { BillingRules } from './billing-types.ts';

// The plan mapping page changes plan links: one query for both pages.
export { usePlanLinks } from '../../hooks/use-plan-links.ts';

const rulesKey = (connectionId: string, planId: string) =>
  ['billing', 'rules', connectionId, planId] as const;

export function usePlanRules(connectionId: string, planIds: string[]) {
  return useQueries({
    queries: planIds.map((planId) => ({
      queryKey: rulesKey(connectionId, planId),
      queryFn: () =>
        call(
          api.GET('/api/v1/connections/{id}/plan-links/{planId}/billing-rules', {
            params: { path: { id: connectionId, planId } },
          }),
        ),
    })),
  });
}

export function useSavePlanRules(connectionId: string, planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BillingRules) =>
      call(
        api.PUT('/api/v1/connections/{id}/plan-links/{planId}/billing-rules', {
          params: { path: { id: connectionId, planId } },
          body,
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(rulesKey(connectionId, planId), saved),
  });
}
