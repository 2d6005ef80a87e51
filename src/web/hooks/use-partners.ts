// Partners the user sees (GET /api/v1/partners: its own and those below; operators all), one
// partner, and creating one (operators). An operator also picks whose integrations to look at.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../client/client.ts';
import type { PartnerKind } from '../client/types.ts';

export function usePartners(enabled: boolean) {
  return useQuery({
    queryKey: ['partners'],
    queryFn: async () =>
      (await call(api.GET('/api/v1/partners', { params: { query: { limit: 500 } } }))).items,
    enabled,
  });
}

export function useCreatePartner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; kind: PartnerKind; parentId: string | null; externalId?: string }) =>
      call(api.POST('/api/v1/partners', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['partners'] }),
  });
}
