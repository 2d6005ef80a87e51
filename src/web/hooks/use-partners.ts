// Partners the user sees (GET /api/v1/partners): an operator picks whose integrations to look at.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../client/client.ts';

export function usePartners(enabled: boolean) {
  return useQuery({
    queryKey: ['partners'],
    queryFn: async () =>
      (await call(api.GET('/api/v1/partners', { params: { query: { limit: 500 } } }))).items,
    enabled,
  });
}
