// "Sync now" and a run's progress. The run is read every second until it is done or failed; when it
// ends, the change sets it made are read again.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, call } from '../../client/client.ts';
import { changeSetKeys } from './use-change-sets.ts';

const finished = (state: string | undefined) => state === 'done' || state === 'failed';

export function useSyncNow(connectionId: string) {
  return useMutation({
    mutationFn: (organizationId?: string) =>
      call(
        api.POST('/api/v1/connections/{id}/billing/sync', {
          params: { path: { id: connectionId } },
          body: organizationId ? { organizationId } : {},
        }),
      ),
  });
}

export function useBillingRun(runId: string | null) {
  const queryClient = useQueryClient();
  const run = useQuery({
    queryKey: ['billing', 'run', runId],
    queryFn: () => call(api.GET('/api/v1/billing/runs/{id}', { params: { path: { id: runId! } } })),
    enabled: runId !== null,
    refetchInterval: (query) => (finished(query.state.data?.state) ? false : 1000),
  });
  const ended = finished(run.data?.state);
  useEffect(() => {
    if (ended) void queryClient.invalidateQueries({ queryKey: changeSetKeys.all });
  }, [ended, queryClient]);
  return run;
}
