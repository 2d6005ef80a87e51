// A partner's default ticket settings per PSA kind, inherited by every connection of its subtree
// (nearest partner first). Values are names, since ids differ between PSA tenants; when the partner
// has a connection of that kind, its pick lists offer the names.
import { Anchor, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import type { PsaKind } from '../../client/types.ts';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { can } from '../../auth/permissions.ts';
import { useConnections } from '../../hooks/use-connections.ts';
import { usePartners } from '../../hooks/use-partners.ts';
import { usePickLists, type PsaKindName } from '../../hooks/use-pick-lists.ts';
import { usePsaKinds } from '../../hooks/use-psa-kinds.ts';
import { useSaveTicketDefaults, useTicketDefaults } from '../../hooks/use-ticket-settings.ts';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.tsx';
import { PartnerPicker } from '../integrations/components/partner-picker.tsx';
import { PickListsBar } from './components/pick-lists-bar.tsx';
import { SettingsForm } from './components/settings-form.tsx';

export function TicketDefaultsPage() {
  const { partner } = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const partners = usePartners(true);
  const kinds = usePsaKinds();
  const partnerId = params.get('partner') ?? partner?.id;
  const choose = (name: 'partner' | 'kind', value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  if (kinds.isPending) return <LoadingState what="the PSAs" />;
  if (kinds.isError)
    return <ErrorState what="the PSAs" error={kinds.error} onRetry={() => void kinds.refetch()} />;
  const kind = kinds.data.find((k) => k.kind === params.get('kind')) ?? kinds.data[0]!;
  const chosen = partners.data?.find((p) => p.id === partnerId);
  return (
    <Stack maw={1040}>
      <div>
        <Title order={1} size="h2">
          Ticket defaults
        </Title>
        <Text c="dimmed">
          Defaults for every connection of {chosen?.name ?? 'the partner'} and the partners below it, per PSA.
          A connection’s own settings and an organization’s overrides take precedence. Give items by name, as
          they are called in the PSA.
        </Text>
      </div>
      {(!partner || (partners.data?.length ?? 0) > 1) && (
        <PartnerPicker
          value={partnerId}
          onChange={(id) => choose('partner', id)}
          description="You see several partners: choose whose defaults to see."
        />
      )}
      <SegmentedControl
        aria-label="PSA"
        data={kinds.data.map((k) => ({ value: k.kind, label: k.label }))}
        value={kind.kind}
        onChange={(v) => choose('kind', v)}
        style={{ alignSelf: 'flex-start' }}
      />
      {partnerId ? (
        <Defaults key={`${partnerId}:${kind.kind}`} partnerId={partnerId} kind={kind} />
      ) : (
        <EmptyState title="No partner chosen" next="Choose a partner above to see its ticket defaults." />
      )}
    </Stack>
  );
}

function Defaults({ partnerId, kind }: { partnerId: string; kind: PsaKind }) {
  const { user } = useCurrentUser();
  const name = kind.kind as PsaKindName;
  const defaults = useTicketDefaults(partnerId, name);
  const save = useSaveTicketDefaults(partnerId, name);
  const connections = useConnections(partnerId);
  const own = connections.data?.find(
    (c) => c.partnerId === partnerId && c.kind === kind.kind && c.status !== 'revoked',
  );
  const lists = usePickLists(own?.id);
  if (defaults.isPending || connections.isPending || (own && lists.isPending))
    return <LoadingState what="the ticket defaults" />;
  if (defaults.isError)
    return (
      <ErrorState what="the ticket defaults" error={defaults.error} onRetry={() => void defaults.refetch()} />
    );
  return (
    <Stack>
      {own && lists.data ? (
        <PickListsBar connectionId={own.id} fetchedAt={lists.data.fetchedAt} />
      ) : (
        <Text size="sm" c="dimmed">
          {own && lists.isError
            ? `The pick lists of ${own.name} could not be read; type the names instead.`
            : `No ${kind.label} connection of this partner to offer names from: type them as they are in the PSA. `}
          {!own && (
            <Anchor component={Link} to="/integrations" underline="always">
              Connect {kind.label}
            </Anchor>
          )}
        </Text>
      )}
      <SettingsForm
        title={`${kind.label} ticket defaults`}
        fields={kind.ticketFields}
        own={defaults.data.fields}
        lists={own && lists.data ? lists.data.lists : null}
        form="names"
        here="partner"
        canEdit={can(user, 'manage_integrations')}
        save={save}
      />
    </Stack>
  );
}
