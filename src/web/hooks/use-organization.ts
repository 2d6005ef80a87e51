// One organization (GET /api/v1/organizations/{id}): its name and state, for the pages about it.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../client/client.ts';

export function useOrganization(id: string) {
  return useQuery({
    queryKey: ['organizations', 'one', id],
    queryFn: () => call(api.GET('/api/v1/organizations/{id}', { params: { path: { id } } })),
  });
}
