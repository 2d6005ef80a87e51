// The dashboard's figures (GET /api/v1/dashboard): for the signed-in user's partner and those below
// it, or one partner's part of the tree; over the last `days` UTC days. Read again every minute so a
// dashboard left open stays current.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../client/client.ts';

export function useDashboard(partnerId: string | undefined, days: number) {
  return useQuery({
    queryKey: ['dashboard', partnerId ?? 'mine', days],
    queryFn: () =>
      call(
        api.GET('/api/v1/dashboard', { params: { query: { days, ...(partnerId ? { partnerId } : {}) } } }),
      ),
    refetchInterval: 60_000,
  });
}
