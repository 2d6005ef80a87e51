// Ticket settings at their three levels: a connection's own values, an organization's overrides on
// the connection it is linked to, and a partner's defaults per PSA kind. Each save answers with the
// effective values after it, which replace the cached copy; levels below it are read again.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../client/client.ts';
import type { PsaKindName } from './use-pick-lists.ts';

export const ticketSettingsKeys = {
  all: ['ticket-settings'] as const,
  connection: (id: string) => ['ticket-settings', 'connection', id] as const,
  organization: (id: string) => ['ticket-settings', 'organization', id] as const,
  defaults: (partnerId: string, kind: string) => ['ticket-settings', 'defaults', partnerId, kind] as const,
};

type Fields = Record<string, unknown>;

export function useConnectionTicketSettings(id: string) {
  return useQuery({
    queryKey: ticketSettingsKeys.connection(id),
    queryFn: () => call(api.GET('/api/v1/connections/{id}/ticket-settings', { params: { path: { id } } })),
  });
}

export function useSaveConnectionTicketSettings(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: Fields) =>
      call(
        api.PUT('/api/v1/connections/{id}/ticket-settings', { params: { path: { id } }, body: { fields } }),
      ),
    onSuccess: async (view) => {
      queryClient.setQueryData(ticketSettingsKeys.connection(id), view);
      // Organizations inherit from the connection.
      await queryClient.invalidateQueries({ queryKey: ['ticket-settings', 'organization'] });
    },
  });
}

export function useOrganizationTicketSettings(id: string) {
  return useQuery({
    queryKey: ticketSettingsKeys.organization(id),
    queryFn: () => call(api.GET('/api/v1/organizations/{id}/ticket-settings', { params: { path: { id } } })),
  });
}

export function useSaveOrganizationTicketSettings(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: Fields) =>
      call(
        api.PUT('/api/v1/organizations/{id}/ticket-settings', { params: { path: { id } }, body: { fields } }),
      ),
    onSuccess: (view) => queryClient.setQueryData(ticketSettingsKeys.organization(id), view),
  });
}

export function useTicketDefaults(partnerId: string, kind: PsaKindName) {
  return useQuery({
    queryKey: ticketSettingsKeys.defaults(partnerId, kind),
    queryFn: () =>
      call(
        api.GET('/api/v1/partners/{id}/ticket-defaults/{kind}', {
          params: { path: { id: partnerId, kind } },
        }),
      ),
  });
}

export function useSaveTicketDefaults(partnerId: string, kind: PsaKindName) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: Fields) =>
      call(
        api.PUT('/api/v1/partners/{id}/ticket-defaults/{kind}', {
          params: { path: { id: partnerId, kind } },
          body: { fields },
        }),
      ),
    onSuccess: async (saved) => {
      queryClient.setQueryData(ticketSettingsKeys.defaults(partnerId, kind), saved);
      // Connections and organizations below may inherit the new defaults.
      await queryClient.invalidateQueries({ queryKey: ['ticket-settings', 'connection'] });
      await queryClient.invalidateQueries({ queryKey: ['ticket-settings', 'organization'] });
    },
  });
}
