// Billing history of an organization: every write to its PSA billing records, newest first, before →
// after, who or what approved it and the PSA's answer; and the partner's billing report as CSV.
import { Anchor, Badge, Box, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { formatWhen } from '../../ui/format-when.ts';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.tsx';
import { useUrlFilters } from '../../ui/use-url-filters.ts';
import { PartnerPicker } from '../integrations/components/partner-picker.tsx';
import { BillingHeader } from './components/billing-nav.tsx';
import { causeLabels, formatNumber } from './components/billing-words.ts';
import { OrganizationSelect } from './components/change-set-filters.tsx';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import type { HistoryEntry } from './billing-types.ts';
import { billingReportUrl, useBillingHistory, useOrganization } from './use-billing-history.ts';

export function BillingHistoryPage() {
  const { values, set } = useUrlFilters(['organization', 'partner'] as const);
  const organizationId = values.organization ?? null;
  const history = useBillingHistory(organizationId);
  const org = useOrganization(organizationId);
  return (
    <Stack maw={1200}>
      <BillingHeader
        title="Billing history and report"
        intro="What the hub wrote to the PSA billing records of an organization, and a report of every billed line."
      />
      <Paper withBorder p="md" component="section" aria-labelledby="history-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="history-heading">
            History of an organization
          </Title>
          <OrganizationSelect
            label="Organization"
            w={360}
            value={organizationId}
            onChange={(id) => set('organization', id)}
          />
          {organizationId === null ? (
            <Text size="sm" c="dimmed">
              Choose an organization to see every write to its billing records.
            </Text>
          ) : history.isPending ? (
            <LoadingState what="the billing history" />
          ) : history.isError ? (
            <ErrorState
              what="the billing history"
              error={history.error}
              onRetry={() => void history.refetch()}
            />
          ) : history.data.length === 0 ? (
            <EmptyState
              title={`Nothing written for ${org.data?.name ?? 'this organization'} yet`}
              next="A write appears here once one of its change sets is applied. See what waits in its change sets."
              action={
                <Anchor component={Link} to={`/billing?organizationId=${organizationId}`}>
                  Change sets of this organization
                </Anchor>
              }
            />
          ) : (
            <HistoryTable entries={history.data} />
          )}
        </Stack>
      </Paper>
      <Report partnerChoice={values.partner} onPartner={(id) => set('partner', id)} />
    </Stack>
  );
}

function Report({
  partnerChoice,
  onPartner,
}: {
  partnerChoice?: string;
  onPartner: (id: string | null) => void;
}) {
  const { partner } = useCurrentUser();
  const partnerId = partner?.id ?? partnerChoice;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="report-heading">
          Billing report
        </Title>
        <Text size="sm">
          Every billed line of {partner ? partner.name : 'the partner'} and its sub-resellers: organization,
          company, plan, product, usage, quantity, unit price, as of and when last written.
        </Text>
        {!partner && <PartnerPicker value={partnerChoice} onChange={onPartner} />}
        {partnerId && (
          <Anchor href={billingReportUrl(partnerId)} download="billing-report.csv" w="fit-content">
            Download the billing report (CSV)
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}

function approval(e: HistoryEntry) {
  if (e.approvedHow === 'user') return `By ${e.approvedBy ?? 'a user'}`;
  if (e.approvedHow === 'auto') return 'Automatically: no rule held it';
  return e.approvedHow ?? '—';
}

function HistoryTable({ entries }: { entries: HistoryEntry[] }) {
  return (
    <>
      <Stack gap="xs" hiddenFrom="sm">
        {entries.map((e, i) => (
          <Paper key={`${e.changeSetId}-${e.target}-${i}`} withBorder p="sm" radius="sm">
            <Stack gap={4}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={500}>
                  {e.plan.name}: {formatNumber(e.before)} → {formatNumber(e.after)}
                </Text>
                <Badge color={e.outcome === 'ok' ? 'green' : 'red'} variant="light" style={{ flexShrink: 0 }}>
                  {e.outcome === 'ok' ? 'Written' : 'Failed'}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {e.target} · {e.company} in {e.connection.name}
              </Text>
              <Text size="sm">
                {formatWhen(e.at)}. {approval(e)}.
              </Text>
              {e.answer && <Text size="sm">{e.answer}</Text>}
            </Stack>
          </Paper>
        ))}
      </Stack>
      <Box visibleFrom="sm">
        <HistoryRows entries={entries} />
      </Box>
    </>
  );
}

function HistoryRows({ entries }: { entries: HistoryEntry[] }) {
  return (
    <ScrollTable label="Billing history">
      <Table miw={880} fz="sm" striped verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Plan and billing record</Table.Th>
            <Table.Th>Before → after</Table.Th>
            <Table.Th>Approved</Table.Th>
            <Table.Th>Outcome and the PSA’s answer</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e, i) => (
            <Table.Tr key={`${e.changeSetId}-${e.target}-${i}`}>
              <Table.Td>{formatWhen(e.at)}</Table.Td>
              <Table.Td>
                <Text size="sm">{e.plan.name}</Text>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {e.target} · {e.company} in {e.connection.name}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatNumber(e.before)} → <b>{formatNumber(e.after)}</b>
                <Written fields={e.fields} />
              </Table.Td>
              <Table.Td>
                {approval(e)}
                <Text size="xs" c="dimmed">
                  Made by {causeLabels[e.cause] ?? e.cause}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Badge color={e.outcome === 'ok' ? 'green' : 'red'} variant="light">
                    {e.outcome === 'ok' ? 'Written' : 'Failed'}
                  </Badge>
                  <Text size="sm">{e.answer ?? ''}</Text>
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** Price, cost and description written beside the quantity. */
function Written({ fields }: { fields: HistoryEntry['fields'] }) {
  if (!fields) return null;
  const extras = Object.entries(fields).filter(([k]) => k !== 'quantity');
  if (extras.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" style={{ whiteSpace: 'normal' }}>
      {extras.map(([k, v]) => `${k}: ${String(v)}`).join(', ')}
    </Text>
  );
}
