// Plan mapping of a connection: each plan assigned to the partner, the PSA product it bills as on this
// connection, a picker from the PSA's catalog, and unmapping. Billing rules live on the billing page.
import {
  Box,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PlanLinkRow } from '../../client/types.ts';
import { useConnection } from '../../hooks/use-connections.ts';
import { useDeletePlanLink, usePlanLinks } from '../../hooks/use-plan-links.ts';
import { ConfirmDestructive } from '../../ui/confirm-destructive.tsx';
import { notify } from '../../ui/notify.ts';
import { PermissionGate } from '../../ui/permission-gate.tsx';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.tsx';
import { LinkWarning } from '../../ui/link-warning.tsx';
import { MappingHeader } from '../org-mapping/components/mapping-header.tsx';
import { ProductPicker } from './components/product-picker.tsx';

export function PlanMappingPage() {
  const { id = '' } = useParams();
  const connection = useConnection(id);
  const links = usePlanLinks(id);
  const [picking, setPicking] = useState<PlanLinkRow | null>(null);
  if (connection.isPending) return <LoadingState what="the connection" />;
  if (connection.isError)
    return (
      <ErrorState what="the connection" error={connection.error} onRetry={() => void connection.refetch()} />
    );
  const c = connection.data;
  const live = c.status !== 'revoked';
  const mapped = links.data?.filter((l) => l.link).length ?? 0;
  return (
    <Stack maw={1100}>
      <MappingHeader
        connection={c}
        title="Plan mapping"
        intro="Which PSA product each of your plans bills as on this connection. Map the plans first: an organization is linked only when the plans it uses are mapped."
      />
      {!live && (
        <Alert color="gray" title="Disconnected">
          This connection is disconnected: its mapping is shown as it was and cannot change.
        </Alert>
      )}
      {links.isPending ? (
        <LoadingState what="the plans" />
      ) : links.isError ? (
        <ErrorState what="the plans" error={links.error} onRetry={() => void links.refetch()} />
      ) : links.data.length === 0 ? (
        <EmptyState
          title="No plan is assigned to your partner yet"
          next="Plans come from the vendor’s platform: once a plan is assigned to your partner there, it shows here to be mapped to a PSA product."
        />
      ) : (
        <Paper withBorder p="md" component="section" aria-labelledby="plans-heading">
          <Stack gap="sm">
            <Group justify="space-between">
              <Text fw={600} id="plans-heading" component="h2" size="lg" m={0}>
                Plans
              </Text>
              <Text size="sm" c="dimmed">
                {mapped} of {links.data.length} mapped
              </Text>
            </Group>
            <Stack gap="xs" hiddenFrom="sm">
              {links.data.map((l) => (
                <PlanBlock
                  key={l.plan.id}
                  row={l}
                  connectionId={c.id}
                  live={live}
                  onPick={() => setPicking(l)}
                />
              ))}
            </Stack>
            <Box visibleFrom="sm">
              <ScrollTable label="Plans and their PSA products">
                <Table miw={640} verticalSpacing={8}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Plan</Table.Th>
                      <Table.Th>PSA product</Table.Th>
                      <Table.Th>Billing</Table.Th>
                      <PermissionGate permission="manage_integrations">
                        <Table.Th>
                          <VisuallyHidden>Actions</VisuallyHidden>
                        </Table.Th>
                      </PermissionGate>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {links.data.map((l) => (
                      <PlanRow
                        key={l.plan.id}
                        row={l}
                        connectionId={c.id}
                        live={live}
                        onPick={() => setPicking(l)}
                      />
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            </Box>
          </Stack>
        </Paper>
      )}
      {picking && <ProductPicker connectionId={c.id} row={picking} onClose={() => setPicking(null)} />}
    </Stack>
  );
}

function PlanRow(props: PlanProps) {
  const { plan } = props.row;
  return (
    <Table.Tr>
      <Table.Td>
        <PlanName plan={plan} />
      </Table.Td>
      <Table.Td>
        <ProductCell {...props} />
      </Table.Td>
      <Table.Td>
        <BillingCell {...props} />
      </Table.Td>
      <PermissionGate permission="manage_integrations">
        <Table.Td>{props.live && <PlanActions {...props} />}</Table.Td>
      </PermissionGate>
    </Table.Tr>
  );
}

/** On a phone each plan is a block of its own, not a table row. */
function PlanBlock(props: PlanProps) {
  const { plan } = props.row;
  return (
    <Paper withBorder p="sm" radius="sm" component="article" aria-label={plan.name}>
      <Stack gap={6}>
        <PlanName plan={plan} />
        <ProductCell {...props} />
        <Group justify="space-between" gap="xs">
          <BillingCell {...props} />
          {props.live && (
            <PermissionGate permission="manage_integrations">
              <PlanActions {...props} />
            </PermissionGate>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

interface PlanProps {
  row: PlanLinkRow;
  connectionId: string;
  live: boolean;
  onPick: () => void;
}

function PlanName({ plan }: { plan: PlanLinkRow['plan'] }) {
  return (
    <div>
      <Text size="sm" fw={500}>
        {plan.name}
      </Text>
      <Text size="xs" c="dimmed">
        {plan.externalId}
      </Text>
    </div>
  );
}

function ProductCell({ row: { link } }: PlanProps) {
  return link ? (
    <div>
      <Text size="sm">{link.productName}</Text>
      <Text size="xs" c="dimmed">
        {link.productCode ? `${link.productCode} · ` : ''}id {link.productId}
      </Text>
      {link.warning && <LinkWarning text={link.warning} />}
    </div>
  ) : (
    <Badge miw="max-content" color="orange" variant="light">
      Not mapped
    </Badge>
  );
}

function BillingCell({ row: { plan, link }, connectionId }: PlanProps) {
  return link ? (
    <Anchor component={Link} to={`/billing/settings/${connectionId}`} size="sm">
      Billing rules
      <VisuallyHidden> of {plan.name}</VisuallyHidden>
    </Anchor>
  ) : (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );
}

function PlanActions({ row: { plan, link }, connectionId, onPick }: PlanProps) {
  const unmap = useDeletePlanLink(connectionId);
  return (
    <Group gap="xs" wrap="nowrap" justify="flex-end">
      <Button
        size="xs"
        variant={link ? 'default' : 'filled'}
        onClick={onPick}
        aria-label={`${link ? 'Change the product' : 'Choose product'} for ${plan.name}`}
      >
        {link ? 'Change' : 'Choose product'}
      </Button>
      {link && (
        <ConfirmDestructive
          title={`Unmap ${plan.name}?`}
          consequences={
            <>
              {plan.name} stops billing as {link.productName} on this connection, and its billing rules here
              are removed. Linked organizations stay linked, but the hub writes none of this plan’s quantities
              until it is mapped again. Nothing is removed from the PSA.
            </>
          }
          confirmLabel={`Unmap ${plan.name}`}
          onConfirm={async () => {
            await unmap.mutateAsync(plan.id);
            notify({ message: `${plan.name} is no longer mapped.` });
          }}
        >
          {(open) => (
            <Button size="xs" variant="subtle" color="red" onClick={open} aria-label={`Unmap ${plan.name}`}>
              Unmap
            </Button>
          )}
        </ConfirmDestructive>
      )}
    </Group>
  );
}
