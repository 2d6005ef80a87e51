// Organization mapping of a connection: its organizations by state (paged on the hub: a partner may
// have tens of thousands), auto-match suggestions, bulk confirm, exact-match auto-link, skip, link
// health, and linking one organization by hand. Every change refreshes the mapping queries of the
// connection, which are all under one key.
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, call } from '../client/client.ts';
import type { ConfirmResult, LinkBody, OrgMappingState } from '../client/types.ts';

export const PAGE_SIZE = 50;

export const orgMappingKeys = {
  all: (connectionId: string) => ['org-mapping', connectionId] as const,
  list: (connectionId: string, state: OrgMappingState | undefined, q: string) =>
    ['org-mapping', connectionId, 'list', state ?? 'all', q] as const,
  suggestions: (connectionId: string, q: string) => ['org-mapping', connectionId, 'suggestions', q] as const,
  preview: (connectionId: string) => ['org-mapping', connectionId, 'auto-link-preview'] as const,
};

export function useConnectionOrganizations(
  connectionId: string,
  state: OrgMappingState | undefined,
  q: string,
  opts: { enabled: boolean; poll: boolean },
) {
  return useInfiniteQuery({
    queryKey: orgMappingKeys.list(connectionId, state, q),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/connections/{id}/organizations', {
          params: {
            path: { id: connectionId },
            query: {
              limit: PAGE_SIZE,
              ...(state ? { state } : {}),
              ...(q ? { q } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled: opts.enabled,
    refetchInterval: opts.poll ? 2000 : false,
  });
}

/** Suggestions for the unlinked organizations, a page at a time (each page reads no PSA once cached). */
export function useCompanySuggestions(connectionId: string, q: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: orgMappingKeys.suggestions(connectionId, q),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/connections/{id}/company-suggestions', {
          params: {
            path: { id: connectionId },
            query: { limit: PAGE_SIZE, ...(q ? { q } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

export function useCompanies(connectionId: string, q: string, includeInactive: boolean) {
  return useQuery({
    queryKey: ['companies', connectionId, q, includeInactive],
    queryFn: () =>
      call(
        api.GET('/api/v1/connections/{id}/companies', {
          params: { path: { id: connectionId }, query: { q, includeInactive, limit: 25 } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useOrgLink(organizationId: string) {
  return useQuery({
    queryKey: ['org-link', organizationId],
    queryFn: () =>
      call(api.GET('/api/v1/organizations/{id}/link', { params: { path: { id: organizationId } } })),
  });
}

export function useBillingTargets(connectionId: string, companyId: string | null) {
  return useQuery({
    queryKey: ['billing-targets', connectionId, companyId],
    queryFn: () =>
      call(
        api.GET('/api/v1/connections/{id}/billing-targets', {
          params: { path: { id: connectionId }, query: { companyId: companyId! } },
        }),
      ),
    enabled: companyId !== null,
  });
}

/** Refreshes everything the mapping page shows of this connection. */
export function useRefreshMapping(connectionId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: orgMappingKeys.all(connectionId) });
}

export function useLinkOrganization(connectionId: string, organizationId: string) {
  const refresh = useRefreshMapping(connectionId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LinkBody) =>
      call(api.PUT('/api/v1/organizations/{id}/link', { params: { path: { id: organizationId } }, body })),
    onSuccess: async (view) => {
      queryClient.setQueryData(['org-link', organizationId], view);
      await refresh();
    },
  });
}

export function useUnlinkOrganization(connectionId: string) {
  const refresh = useRefreshMapping(connectionId);
  return useMutation({
    mutationFn: (organizationId: string) =>
      call(api.DELETE('/api/v1/organizations/{id}/link', { params: { path: { id: organizationId } } })),
    onSuccess: refresh,
  });
}

export function useConfirmLinks(connectionId: string) {
  const refresh = useRefreshMapping(connectionId);
  return useMutation({
    // The hub takes up to 100 links a call; more are sent in turn and their answers joined.
    mutationFn: async (links: { organizationId: string; companyId: string }[]) => {
      const out = { counts: { linked: 0, refused: 0 }, results: [] as ConfirmResult[] };
      for (let i = 0; i < links.length; i += 100) {
        const answer = await call(
          api.POST('/api/v1/connections/{id}/org-links/confirm', {
            params: { path: { id: connectionId } },
            body: { links: links.slice(i, i + 100) },
          }),
        );
        out.counts.linked += answer.counts.linked;
        out.counts.refused += answer.counts.refused;
        out.results.push(...answer.results);
      }
      return out;
    },
    onSettled: refresh,
  });
}

/** What "link exact matches" would link now; polled while a run is going, to show its progress. */
export function useAutoLinkPreview(connectionId: string, enabled: boolean, polling: boolean) {
  return useQuery({
    queryKey: orgMappingKeys.preview(connectionId),
    queryFn: async () => {
      const answer = await call(
        api.POST('/api/v1/connections/{id}/org-links/auto-link', {
          params: { path: { id: connectionId }, query: { dryRun: true } },
        }),
      );
      // A dry run answers 200 with the list; only a real run is queued (202).
      return 'wouldLink' in answer ? answer : { wouldLink: [] };
    },
    enabled,
    refetchInterval: polling ? 1500 : false,
  });
}

export function useAutoLink(connectionId: string) {
  return useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/connections/{id}/org-links/auto-link', { params: { path: { id: connectionId } } }),
      ),
  });
}

export function useSkipOrganization(connectionId: string) {
  const refresh = useRefreshMapping(connectionId);
  return useMutation({
    mutationFn: ({ organizationId, skip }: { organizationId: string; skip: boolean }) => {
      const params = { params: { path: { id: organizationId } } };
      return call(
        skip
          ? api.PUT('/api/v1/organizations/{id}/skip', params)
          : api.DELETE('/api/v1/organizations/{id}/skip', params),
      );
    },
    onSuccess: refresh,
  });
}

export function useCheckLinks(connectionId: string) {
  return useMutation({
    mutationFn: () =>
      call(api.POST('/api/v1/connections/{id}/org-links/check', { params: { path: { id: connectionId } } })),
  });
}
