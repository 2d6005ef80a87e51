// The dashboard's chart pictures: the only code that loads @mantine/charts (and recharts), in a
// chunk of its own, so the dashboard's figures and their text show before the pictures arrive.
// Hidden from screen readers and the keyboard: each chart's table and sentence say the same.
import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';

const xAxis = { interval: 'preserveStartEnd', minTickGap: 16, padding: { left: 12, right: 12 } } as const;

/** Opened bars solid, resolved ones outlined, so the two differ without colour; the legend names them. */
export function TicketsBars({ data }: { data: { day: string; opened: number; resolved: number }[] }) {
  return (
    <div aria-hidden>
      <BarChart
        h={220}
        data={data}
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
        barChartProps={{ accessibilityLayer: false }}
        withLegend
        legendProps={{ verticalAlign: 'top', height: 36 }}
        yAxisProps={{ allowDecimals: false, width: 32 }}
        xAxisProps={xAxis}
      />
    </div>
  );
}

/** Days without writes have no point (a gap), rather than a fall to 0 %. */
export function SuccessLine({ data }: { data: { day: string; rate: number | null }[] }) {
  return (
    <div aria-hidden>
      <LineChart
        h={220}
        data={data}
        dataKey="day"
        series={[{ name: 'rate', label: 'Succeeded', color: 'indigo.7' }]}
        valueFormatter={(v) => `${v}%`}
        yAxisProps={{ domain: [0, 100], ticks: [0, 50, 100], width: 48 }}
        xAxisProps={xAxis}
        connectNulls={false}
        // Room above the 100 % line for its dots.
        lineChartProps={{ accessibilityLayer: false, margin: { top: 8, right: 8 } }}
        dotProps={{ r: 3 }}
      />
    </div>
  );
}
