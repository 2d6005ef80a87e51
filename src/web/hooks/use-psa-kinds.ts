// The PSAs the hub connects to, with the fields each needs (GET /api/v1/psa-kinds). They change only
// with a new hub version, so they are read once per session.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../client/client.ts';

export function usePsaKinds() {
  return useQuery({
    queryKey: ['psa-kinds'],
    queryFn: async () => (await call(api.GET('/api/v1/psa-kinds'))).items,
    staleTime: Infinity,
  });
}
