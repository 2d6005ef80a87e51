// Tickets the hub opened and resolved per day: bars, a sentence with the totals, and the figures as
// a table for screen readers.
import { Text } from '@mantine/core';
import type { DashboardDay } from '../../../client/types.ts';
import { ChartTable } from './chart-table.tsx';
import { dayLabel, longDayLabel } from './day-label.ts';
import { TicketsBars } from './lazy-charts.tsx';

const sum = (days: DashboardDay[], k: 'ticketsOpened' | 'ticketsResolved') =>
  days.reduce((n, d) => n + d[k], 0);

export function TicketsChart({ daily }: { daily: DashboardDay[] }) {
  const opened = sum(daily, 'ticketsOpened');
  const resolved = sum(daily, 'ticketsResolved');
  const today = daily.at(-1);
  return (
    <>
      <Text size="sm">
        {`In the last ${daily.length} days the hub opened ${opened} ticket${opened === 1 ? '' : 's'} and resolved ${resolved}.`}
        {today && ` Today: ${today.ticketsOpened} opened, ${today.ticketsResolved} resolved.`}
      </Text>
      <TicketsBars
        data={daily.map((d) => ({
          day: dayLabel(d.day),
          opened: d.ticketsOpened,
          resolved: d.ticketsResolved,
        }))}
      />
      <ChartTable
        caption="Tickets opened and resolved per day"
        columns={['Day', 'Opened', 'Resolved']}
        rows={daily.map((d) => ({
          key: d.day,
          cells: [longDayLabel(d.day), d.ticketsOpened, d.ticketsResolved],
        }))}
      />
    </>
  );
}
