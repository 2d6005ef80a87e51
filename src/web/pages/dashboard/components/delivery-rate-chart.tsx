// The share of PSA writes that succeeded, per day: a line (days without writes leave a gap rather than
// read as 0 %), a sentence with the totals, and the figures as a table for screen readers.
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { DashboardDay } from '../../../client/types.ts';
import { ChartTable } from './chart-table.tsx';
import { dayLabel, longDayLabel } from './day-label.ts';
import { SuccessLine } from './lazy-charts.tsx';

const total = (d: DashboardDay) => d.deliveriesOk + d.deliveriesFailed + d.deliveriesDead;
const rate = (ok: number, all: number) => (all === 0 ? null : Math.round((1000 * ok) / all) / 10);

export function DeliveryRateChart({ daily }: { daily: DashboardDay[] }) {
  const all = daily.reduce((n, d) => n + total(d), 0);
  const ok = daily.reduce((n, d) => n + d.deliveriesOk, 0);
  const dead = daily.reduce((n, d) => n + d.deliveriesDead, 0);
  if (all === 0)
    return (
      <Text size="sm">
        {`Nothing was written to a PSA in the last ${daily.length} days. Writes appear here once alerts come in for linked organizations.`}
      </Text>
    );
  return (
    <>
      <Text size="sm">
        {`Of ${all} PSA write${all === 1 ? '' : 's'} in the last ${daily.length} days, ${ok} succeeded (${rate(ok, all)}%)`}
        {dead > 0 ? `; ${dead} failed for good. ` : '. '}
        {dead > 0 && (
          <Anchor component={Link} to="/event-log?outcome=dead" size="sm">
            See the writes that failed
          </Anchor>
        )}
      </Text>
      <SuccessLine
        data={daily.map((d) => ({ day: dayLabel(d.day), rate: rate(d.deliveriesOk, total(d)) }))}
      />
      <ChartTable
        caption="PSA writes per day, and the share that succeeded"
        columns={['Day', 'Writes', 'Succeeded', 'Failed, tried again', 'Failed for good', 'Success rate']}
        rows={daily.map((d) => {
          const r = rate(d.deliveriesOk, total(d));
          return {
            key: d.day,
            cells: [
              longDayLabel(d.day),
              total(d),
              d.deliveriesOk,
              d.deliveriesFailed,
              d.deliveriesDead,
              r === null ? 'no writes' : `${r}%`,
            ],
          };
        })}
      />
    </>
  );
}
