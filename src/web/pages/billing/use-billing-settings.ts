// A connection's billing settings (mode, thresholds, drift policy, schedule, backup-statistics
// fields) and the PSA's company custom fields those statistics can be written into.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../client/client.ts';
import type { BillingSettingsInput } from './billing-types.ts';

export const billingSettingsKey = (connectionId: string) => ['billing', 'settings', connectionId] as const;

export function useBillingSettings(connectionId: string) {
  return useQuery({
    queryKey: billingSettingsKey(connectionId),
    queryFn: () =>
      call(api.GET('/api/v1/connections/{id}/billing-settings', { params: { path: { id: connectionId } } })),
  });
}

export function useSaveBillingSettings(connectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BillingSettingsInput) =>
      call(
        api.PUT('/api/v1/connections/{id}/billing-settings', {
          params: { path: { id: connectionId } },
          body,
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(billingSettingsKey(connectionId), saved),
  });
}

/** Read from the PSA on each visit; a PSA that cannot list them answers why. */
export function useCompanyFields(connectionId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['billing', 'company-fields', connectionId],
    queryFn: async () =>
      (
        await call(
          api.GET('/api/v1/connections/{id}/company-fields', { params: { path: { id: connectionId } } }),
        )
      ).items,
    enabled,
    retry: false,
  });
}
