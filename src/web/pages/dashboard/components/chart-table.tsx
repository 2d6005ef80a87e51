// A chart's figures as a table that screen readers read instead of the picture (the chart itself is
// hidden from them): one row per day, its numbers in words.
import { Table, VisuallyHidden } from '@mantine/core';

export function ChartTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: { key: string; cells: (string | number)[] }[];
}) {
  return (
    <VisuallyHidden>
      <Table>
        <caption>{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c} scope="col">
                {c}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              {r.cells.map((c, i) =>
                i === 0 ? (
                  <Table.Th key={i} scope="row">
                    {c}
                  </Table.Th>
                ) : (
                  <Table.Td key={i}>{c}</Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </VisuallyHidden>
  );
}
