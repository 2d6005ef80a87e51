// Tickets the hub opened and resolved per day: bars, a sentence with the totals, and the figures as
// a table for screen readers. Resolved bars are outlined and opened ones solid, so the two differ
// without colour; the legend names them.
import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { DashboardDay } from '../../../client/types.ts';
import { ChartTable } from './chart-table.tsx';
import { dayLabel, longDayLabel } from './day-label.ts';

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
      <div aria-hidden>
        <BarChart
          h={220}
          data={daily.map((d) => ({
            day: dayLabel(d.day),
            opened: d.ticketsOpened,
            resolved: d.ticketsResolved,
          }))}
          dataKey="day"
          series={[
            { name: 'opened', label: 'Opened', color: 'indigo.7' },
            { name: 'resolved', label: 'Resolved', color: 'teal.8' },
          ]}
          barProps={(s) =>
            s.name === 'resolved'
              ? { fillOpacity: 0.25, stroke: 'var(--mantine-color-teal-9)', strokeWidth: 2 }
              : {}
          }
          // The table below is the accessible version; the picture takes no keyboard focus.
          barChartProps={{ accessibilityLayer: false }}
          withLegend
          legendProps={{ verticalAlign: 'top', height: 36 }}
          tickLine="y"
          gridAxis="y"
          yAxisProps={{ allowDecimals: false, width: 32 }}
          xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 16 }}
        />
      </div>
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
