// Snoozes (maintenance windows) of a connection or an organization: alerts are still recorded, their
// ticket writes wait until the window ends. Setting one replaces the current one; ending it sends the
// waiting writes out.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../client/client.ts';

export type SnoozeTarget = { connectionId: string } | { organizationId: string };

const snoozeKey = (t: SnoozeTarget) =>
  'connectionId' in t
    ? ['snooze', 'connection', t.connectionId]
    : ['snooze', 'organization', t.organizationId];

export interface SnoozeInput {
  endsAt: string;
  startsAt?: string;
  reason?: string;
}

function read(t: SnoozeTarget) {
  return 'connectionId' in t
    ? call(api.GET('/api/v1/connections/{id}/snooze', { params: { path: { id: t.connectionId } } }))
    : call(api.GET('/api/v1/organizations/{id}/snooze', { params: { path: { id: t.organizationId } } }));
}

export function useSnooze(target: SnoozeTarget) {
  return useQuery({ queryKey: snoozeKey(target), queryFn: () => read(target) });
}

export function useSetSnooze(target: SnoozeTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SnoozeInput) =>
      'connectionId' in target
        ? call(
            api.PUT('/api/v1/connections/{id}/snooze', {
              params: { path: { id: target.connectionId } },
              body,
            }),
          )
        : call(
            api.PUT('/api/v1/organizations/{id}/snooze', {
              params: { path: { id: target.organizationId } },
              body,
            }),
          ),
    onSuccess: (answer) => queryClient.setQueryData(snoozeKey(target), answer),
  });
}

export function useEndSnooze(target: SnoozeTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      'connectionId' in target
        ? call(
            api.DELETE('/api/v1/connections/{id}/snooze', { params: { path: { id: target.connectionId } } }),
          )
        : call(
            api.DELETE('/api/v1/organizations/{id}/snooze', {
              params: { path: { id: target.organizationId } },
            }),
          ),
    onSuccess: (answer) => queryClient.setQueryData(snoozeKey(target), answer),
  });
}
