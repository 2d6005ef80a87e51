// "Sync now": reconcile the connection's linked organizations at once, with the run's progress
// (links done of the total, lines written, change sets made) read every second until it ends.
import { Alert, Anchor, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../ui/states.tsx';
import type { BillingRun } from '../billing-types.ts';
import { useBillingRun, useSyncNow } from '../use-billing-runs.ts';

const runStates: Record<BillingRun['state'], string> = {
  queued: 'Queued: it starts in a moment',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
};

export function SyncNow({ connectionId, disabledReason }: { connectionId: string; disabledReason?: string }) {
  const sync = useSyncNow(connectionId);
  const [runId, setRunId] = useState<string | null>(null);
  const run = useBillingRun(runId);
  const r = run.data;
  const busy = sync.isPending || (r !== undefined && (r.state === 'queued' || r.state === 'running'));
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Button
          onClick={() => sync.mutate(undefined, { onSuccess: (started) => setRunId(started.id) })}
          loading={busy}
          disabled={disabledReason !== undefined}
        >
          Sync now
        </Button>
        <Text size="sm" c="dimmed" maw={560}>
          {disabledReason ??
            'Reconciles every linked organization of this connection now, whatever the schedule says. What waits for a person becomes a change set.'}
        </Text>
      </Group>
      {sync.isError && (
        <Alert color="red" role="alert" title="The sync did not start">
          {errorMessage(sync.error)}
        </Alert>
      )}
      {runId && run.isError && (
        <Alert color="red" role="alert" title="The run’s progress could not be read">
          {errorMessage(run.error)}
        </Alert>
      )}
      {r && <RunProgress run={r} />}
    </Stack>
  );
}

function RunProgress({ run: r }: { run: BillingRun }) {
  const percent =
    r.linksTotal > 0 ? Math.round((r.linksDone / r.linksTotal) * 100) : r.state === 'done' ? 100 : 0;
  const ended = r.state === 'done' || r.state === 'failed';
  return (
    <Stack gap={6} role="status" aria-live="polite">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {runStates[r.state]}: {r.linksDone} of {r.linksTotal} linked organizations
        </Text>
        <Text size="sm" c="dimmed">
          {r.writes} line{r.writes === 1 ? '' : 's'} written, {r.changeSets} change set
          {r.changeSets === 1 ? '' : 's'} made
        </Text>
      </Group>
      <Progress
        value={percent}
        color={r.state === 'failed' ? 'red' : r.state === 'done' ? 'green' : 'blue'}
        animated={!ended}
        aria-label="Sync progress"
      />
      {r.error && (
        <Alert color="red" title="The run failed">
          {r.error}
        </Alert>
      )}
      {r.state === 'done' && r.changeSets > 0 && (
        <Anchor component={Link} size="sm" to={`/billing?connectionId=${r.connectionId}`}>
          See the change sets of this connection
        </Anchor>
      )}
    </Stack>
  );
}
