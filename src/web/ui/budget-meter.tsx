// How much of the hour's API budget the hub has used on a PSA connection: the figures in words and a
// bar (its colour only repeats what the words say).
import { Progress, Stack, Text } from '@mantine/core';

export function BudgetMeter({
  requestsThisHour,
  hourlyAllowance,
  label = 'API budget this hour',
}: {
  requestsThisHour: number;
  hourlyAllowance: number;
  label?: string;
}) {
  const share = hourlyAllowance > 0 ? (100 * requestsThisHour) / hourlyAllowance : 0;
  return (
    <Stack gap={4}>
      <Text size="sm">
        {label}: {requestsThisHour.toLocaleString()} of {hourlyAllowance.toLocaleString()} requests (
        {Math.round(share)}%)
      </Text>
      <Progress
        value={share}
        color={share > 80 ? 'red' : share > 50 ? 'yellow' : 'indigo'}
        aria-label={`${label}: ${Math.round(share)}% used`}
        size="sm"
      />
    </Stack>
  );
}
