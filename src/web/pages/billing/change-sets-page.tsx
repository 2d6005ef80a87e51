// Billing change sets: what the hub would write to the PSAs and why, pending ones first. Filters
// from the API (state, connection, organization, held reason); a billing manager ticks pending
// sets and approves or rejects them, each decision confirmed saying what it writes.
import { Button, Checkbox, Group, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { can } from '../../auth/permissions.ts';
import { PermissionGate } from '../../ui/permission-gate.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.tsx';
import { useUrlFilters } from '../../ui/use-url-filters.ts';
import type { ChangeSet } from './billing-types.ts';
import { BillingHeader } from './components/billing-nav.tsx';
import { ChangeSetCard } from './components/change-set-card.tsx';
import { ChangeSetFilterBar, changeSetFilterNames } from './components/change-set-filters.tsx';
import { DecideBar } from './components/decide-bar.tsx';
import { useChangeSets, type ChangeSetFilters } from './use-change-sets.ts';

export function ChangeSetsPage() {
  const { user } = useCurrentUser();
  const mayDecide = can(user, 'manage_billing');
  const filters = useUrlFilters(changeSetFilterNames);
  const query = filters.values as ChangeSetFilters;
  const pendingFirst = !query.state;
  const pending = useChangeSets({ ...query, state: 'pending' }, pendingFirst);
  const rest = useChangeSets(query);
  const [selected, setSelected] = useState<Set<string>>(new Set());

  const pendingItems = pendingFirst ? (pending.data?.pages.flatMap((p) => p.items) ?? []) : [];
  const restItems = (rest.data?.pages.flatMap((p) => p.items) ?? []).filter(
    (s) => !pendingFirst || s.state !== 'pending',
  );
  const shown = [...pendingItems, ...restItems];
  const decidable = shown.filter((s) => s.state === 'pending');
  const chosen = decidable.filter((s) => selected.has(s.id));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allChosen = decidable.length > 0 && chosen.length === decidable.length;
  const filtered = Object.keys(filters.values).length > 0;
  const loading = rest.isPending || (pendingFirst && pending.isPending);
  const failed = rest.isError ? rest : pendingFirst && pending.isError ? pending : null;

  const cards = (items: ChangeSet[]) =>
    items.map((s) => (
      <ChangeSetCard
        key={s.id}
        changeSet={s}
        selectable={mayDecide && s.state === 'pending'}
        selected={selected.has(s.id)}
        onToggle={() => toggle(s.id)}
      />
    ));

  return (
    <Stack>
      <BillingHeader
        title="Billing change sets"
        intro="What the hub would change on your PSA billing records, line by line, and why. Pending ones wait for a person; the rest show what became of them."
      />
      <ChangeSetFilterBar {...filters} />
      <PermissionGate permission="manage_billing">
        {decidable.length > 0 && (
          <Paper withBorder p="sm" pos="sticky" top={64} style={{ zIndex: 2 }}>
            <Group gap="md">
              <Checkbox
                label="Select every pending one shown"
                checked={allChosen}
                indeterminate={chosen.length > 0 && !allChosen}
                onChange={() => setSelected(allChosen ? new Set() : new Set(decidable.map((s) => s.id)))}
              />
              <DecideBar selected={chosen} onDecided={() => setSelected(new Set())} />
            </Group>
          </Paper>
        )}
      </PermissionGate>
      {loading ? (
        <LoadingState what="change sets" />
      ) : failed ? (
        <ErrorState what="change sets" error={failed.error} onRetry={() => void failed.refetch()} />
      ) : shown.length === 0 ? (
        <EmptyState
          title={filtered ? 'No change set matches these filters' : 'No change sets yet'}
          next={
            filtered
              ? 'Clear a filter to see more.'
              : 'A change set appears when the usage the vendor platform sends differs from the quantity on a linked organization’s billing record. Map the plans, link the organizations with their billing records, then use Sync now on a connection’s billing settings.'
          }
          action={
            filtered ? (
              <Button variant="light" onClick={filters.clear}>
                Clear filters
              </Button>
            ) : undefined
          }
        />
      ) : (
        <>
          {pendingFirst && pendingItems.length > 0 && (
            <Stack gap="sm" component="section" aria-labelledby="pending-heading">
              <Title order={2} size="h4" id="pending-heading">
                Waiting for approval ({pendingItems.length}
                {pending.hasNextPage ? '+' : ''})
              </Title>
              {cards(pendingItems)}
              <MoreButton list={pending} />
            </Stack>
          )}
          {restItems.length > 0 && (
            <Stack gap="sm" component="section" aria-labelledby="rest-heading">
              {pendingFirst && (
                <Title order={2} size="h4" id="rest-heading">
                  Decided, applied and superseded
                </Title>
              )}
              {cards(restItems)}
            </Stack>
          )}
          <MoreButton list={rest} />
        </>
      )}
    </Stack>
  );
}

function MoreButton({ list }: { list: ReturnType<typeof useChangeSets> }) {
  if (!list.hasNextPage) return null;
  return (
    <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
      Load more
    </Button>
  );
}
