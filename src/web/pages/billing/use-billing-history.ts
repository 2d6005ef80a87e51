// What billing wrote for an organization (before → after, who approved, the PSA's answer), the
// organizations to choose from, and where the partner's billing report is downloaded.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, call } from '../../client/client.ts';

export function useBillingHistory(organizationId: string | null) {
  return useQuery({
    queryKey: ['billing', 'history', organizationId],
    queryFn: async () =>
      (
        await call(
          api.GET('/api/v1/organizations/{id}/billing-history', {
            params: { path: { id: organizationId! }, query: { limit: 500 } },
          }),
        )
      ).items,
    enabled: organizationId !== null,
  });
}

/** Organizations whose name, id or domain matches `q` (the first 50). */
export function useOrganizationSearch(q: string) {
  return useQuery({
    queryKey: ['billing', 'organizations', q],
    queryFn: async () =>
      (
        await call(
          api.GET('/api/v1/organizations', { params: { query: { limit: 50, ...(q ? { q } : {}) } } }),
        )
      ).items,
    placeholderData: keepPreviousData,
  });
}

export function useOrganization(id: string | null) {
  return useQuery({
    queryKey: ['billing', 'organization', id],
    queryFn: () => call(api.GET('/api/v1/organizations/{id}', { params: { path: { id: id! } } })),
    enabled: id !== null,
  });
}

export const billingReportUrl = (partnerId: string) => `/api/v1/partners/${partnerId}/billing-report.csv`;
