// Organization mapping of a connection: the partner's organizations by state, searched and paged on
// the hub (never all at once: a partner may have tens of thousands), with auto-match suggestions to
// confirm in bulk, exact matches linked as a job, skip, link health, and linking one by hand.
import { Alert, Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type { OrgMappingRow, OrgMappingState, SuggestionRow } from '../../client/types.ts';
import { useConnection } from '../../hooks/use-connections.ts';
import {
  PAGE_SIZE,
  useCheckLinks,
  useCompanySuggestions,
  useConnectionOrganizations,
} from '../../hooks/use-org-mapping.ts';
import { notify } from '../../ui/notify.ts';
import { PermissionGate } from '../../ui/permission-gate.tsx';
import { EmptyState, ErrorState, errorMessage, LoadingState } from '../../ui/states.tsx';
import { useUrlFilters } from '../../ui/use-url-filters.ts';
import { AutoLink } from './components/auto-link.tsx';
import { LinkDialog, type LinkTarget } from './components/link-dialog.tsx';
import { MappingHeader } from './components/mapping-header.tsx';
import { OrganizationTable } from './components/organization-table.tsx';
import { SuggestionTable } from './components/suggestion-table.tsx';
import { views, type View } from './components/state-words.ts';

/** How long the list is read again after a health check was asked for, to show its verdicts. */
const CHECK_POLL_MS = 20_000;

export function OrgMappingPage() {
  const { id = '' } = useParams();
  const connection = useConnection(id);
  const filters = useUrlFilters(['state', 'q'] as const);
  const view = (views.find((v) => v.value === filters.values.state)?.value ?? 'unlinked') as View;
  const [search, setSearch] = useState(filters.values.q ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  useEffect(() => {
    if (q !== (filters.values.q ?? '')) filters.set('q', q || null);
  }, [q]); // eslint-disable-line react-hooks/exhaustive-deps
  const [linking, setLinking] = useState<LinkTarget | null>(null);
  // Stable, so the memoised rows are not drawn again on every render of the page.
  const linkSuggested = useCallback(
    (r: SuggestionRow) =>
      setLinking({
        id: r.organization.id,
        name: r.organization.name,
        suggestions: r.suggestions,
        current: null,
      }),
    [],
  );
  const linkListed = useCallback(
    (r: OrgMappingRow) =>
      setLinking({
        id: r.organization.id,
        name: r.organization.name,
        suggestions: [],
        current: r.link && r.link.connectionId === id ? r.link : null,
      }),
    [id],
  );
  const [polling, setPolling] = useState(false);
  const check = useCheckLinks(id);
  const live = connection.data?.status !== 'revoked';
  // The unlinked view reads the suggestions, which list the organizations not linked themselves.
  const state: OrgMappingState | undefined = view === 'all' ? undefined : view;
  const list = useConnectionOrganizations(id, state, q, {
    enabled: view !== 'unlinked',
    poll: polling,
  });
  const suggestions = useCompanySuggestions(id, q, view === 'unlinked' && live && connection.isSuccess);
  useEffect(() => {
    if (!polling) return;
    const t = setTimeout(() => setPolling(false), CHECK_POLL_MS);
    return () => clearTimeout(t);
  }, [polling]);

  if (connection.isPending) return <LoadingState what="the connection" />;
  if (connection.isError)
    return (
      <ErrorState what="the connection" error={connection.error} onRetry={() => void connection.refetch()} />
    );
  const c = connection.data;
  const source = view === 'unlinked' ? suggestions : list;
  const suggestionRows = suggestions.data?.pages.flatMap((p) => p.items) ?? [];
  const listRows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const shown = view === 'unlinked' ? suggestionRows.length : listRows.length;
  return (
    <Stack maw={1200}>
      <MappingHeader
        connection={c}
        title="Organization mapping"
        intro="Which PSA company each of your organizations is, on this connection. Confirm the suggestions, link exact matches in one go, or link one by hand; skip the ones the integration should leave alone."
      />
      {!live && (
        <Alert color="gray" title="Disconnected">
          This connection is disconnected: links are shown as they were and cannot change.
        </Alert>
      )}
      {live && (
        <PermissionGate permission="manage_integrations">
          <Group gap="sm">
            <AutoLink connectionId={c.id} />
            <Button
              variant="default"
              loading={check.isPending}
              onClick={() =>
                check.mutate(undefined, {
                  onSuccess: () => {
                    setPolling(true);
                    notify({
                      message:
                        'Checking every link against the PSA. Renamed or missing companies show here as the check finishes.',
                    });
                  },
                  onError: (err) => notify({ color: 'red', message: errorMessage(err) }),
                })
              }
            >
              Check link health
            </Button>
          </Group>
        </PermissionGate>
      )}
      <Paper withBorder p="md" component="section" aria-label="Organizations">
        <Stack gap="sm">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label="Show"
              description="Where each stands on this connection"
              data={views.map((v) => ({ value: v.value, label: v.label }))}
              value={view}
              onChange={(v) => filters.set('state', v === 'unlinked' ? null : v)}
              allowDeselect={false}
              w={{ base: '100%', sm: 300 }}
            />
            <TextInput
              label="Search organizations"
              description="Part of the name or id"
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={{ base: '100%', sm: 300 }}
            />
          </Group>
          {source.isPending ? (
            <LoadingState what="the organizations" />
          ) : source.isError ? (
            <ErrorState what="the organizations" error={source.error} onRetry={() => void source.refetch()} />
          ) : shown === 0 ? (
            <Empty view={view} searched={q !== ''} onClear={() => setSearch('')} />
          ) : view === 'unlinked' ? (
            <SuggestionTable
              key={q}
              connectionId={c.id}
              rows={suggestionRows}
              live={live}
              onLink={linkSuggested}
            />
          ) : (
            <OrganizationTable connectionId={c.id} rows={listRows} live={live} onLink={linkListed} />
          )}
          {source.hasNextPage && (
            <Group>
              <Button
                variant="default"
                onClick={() => void source.fetchNextPage()}
                loading={source.isFetchingNextPage}
              >
                Show {PAGE_SIZE} more
              </Button>
              <Text size="sm" c="dimmed">
                Showing {shown}
              </Text>
            </Group>
          )}
        </Stack>
      </Paper>
      {linking && <LinkDialog connectionId={c.id} organization={linking} onClose={() => setLinking(null)} />}
    </Stack>
  );
}

function Empty({ view, searched, onClear }: { view: View; searched: boolean; onClear: () => void }) {
  if (searched)
    return (
      <EmptyState
        title="No organization matches this search"
        next="Try part of the name or the id the vendor platform gives it."
        action={
          <Button variant="light" onClick={onClear}>
            Clear the search
          </Button>
        }
      />
    );
  const words: Record<View, [string, string]> = {
    unlinked: [
      'Every organization is linked or skipped',
      'New organizations from the vendor’s platform show here with the PSA company they most likely are.',
    ],
    broken: [
      'No broken link',
      'A link breaks when its company is renamed or removed in the PSA; “Check link health” looks now.',
    ],
    linked: [
      'No organization is linked here yet',
      'Confirm the suggestions under “Not linked”, or link exact matches in one go.',
    ],
    elsewhere: [
      'No organization is linked on another connection',
      'An organization linked on another PSA connection of yours shows here.',
    ],
    skipped: [
      'No organization is skipped',
      'Skip an organization the integration should leave alone: no tickets, no billing.',
    ],
    all: [
      'Your partner has no organization yet',
      'Organizations come from the vendor’s platform: once it sends yours, they show here to be linked.',
    ],
  };
  const [title, next] = words[view];
  return <EmptyState title={title} next={next} />;
}
