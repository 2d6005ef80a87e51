// Storm control lives in the connection's mapping settings (GET/PUT …/mapping-settings). The PUT
// replaces them all, so a storm-control save sends the other mapping settings back as they are.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../client/client.ts';
import type { MappingSettings } from '../../client/types.ts';

const key = (id: string) => ['mapping-settings', id] as const;

export type StormControl = Pick<
  MappingSettings,
  'maxTicketsPerCompanyHour' | 'incidentOrganizations' | 'incidentWindowMinutes'
>;

export function useMappingSettings(id: string) {
  return useQuery({
    queryKey: key(id),
    queryFn: () => call(api.GET('/api/v1/connections/{id}/mapping-settings', { params: { path: { id } } })),
  });
}

export function useSaveStormControl(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ current, storm }: { current: MappingSettings; storm: StormControl }) =>
      call(
        api.PUT('/api/v1/connections/{id}/mapping-settings', {
          params: { path: { id } },
          body: {
            catchAllCompanyId: current.catchAll?.companyId ?? null,
            autoLinkExact: current.autoLinkExact,
            createMissingBillingTargets: current.createMissingBillingTargets,
            ...storm,
          },
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(key(id), saved),
  });
}
