// "Link exact matches": a preview of every unlinked organization whose best match is an unambiguous
// equal name, then the run as a job, its progress read from how many of the preview are still left.
import { Alert, Button, Group, List, Modal, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useAutoLink, useAutoLinkPreview, useRefreshMapping } from '../../../hooks/use-org-mapping.ts';
import { ErrorState, errorMessage, LoadingState } from '../../../ui/states.tsx';

/** Polls without change after which the run is taken as over (what is left was refused); the job may
 * wait in the queue a while before it starts, so more are allowed until the first link shows. */
const STILL_POLLS = 4;
const STILL_POLLS_BEFORE_START = 20;
const LISTED = 10;

export function AutoLink({ connectionId }: { connectionId: string }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="light" onClick={() => setOpened(true)}>
        Link exact matches…
      </Button>
      {opened && <AutoLinkDialog connectionId={connectionId} onClose={() => setOpened(false)} />}
    </>
  );
}

function AutoLinkDialog({ connectionId, onClose }: { connectionId: string; onClose: () => void }) {
  const [total, setTotal] = useState<number | null>(null);
  const [done, setDone] = useState(false);
  const running = total !== null && !done;
  const preview = useAutoLinkPreview(connectionId, true, running);
  const run = useAutoLink(connectionId);
  const refresh = useRefreshMapping(connectionId);
  const left = preview.data?.wouldLink.length ?? 0;
  const still = useRef({ left: -1, polls: 0 });
  useEffect(() => {
    if (!running || !preview.data) return;
    const s = still.current;
    s.polls = s.left === left ? s.polls + 1 : 0;
    s.left = left;
    const started = left < total;
    if (left === 0 || s.polls >= (started ? STILL_POLLS : STILL_POLLS_BEFORE_START)) {
      setDone(true);
      void refresh();
    }
  }, [preview.dataUpdatedAt]); // eslint-disable-line react-hooks/exhaustive-deps
  const start = async () => {
    const n = left;
    const ok = await run.mutateAsync().catch(() => null);
    if (ok) setTotal(n);
  };
  const linked = total === null ? 0 : Math.max(0, total - left);
  return (
    <Modal
      opened
      onClose={onClose}
      title="Link exact matches"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack>
        {total !== null ? (
          <Stack gap="xs" role="status" aria-live="polite">
            <Progress value={total === 0 ? 100 : (linked / total) * 100} aria-label="Linking progress" />
            <Text size="sm">
              {done ? 'Done: ' : 'Linking… '}
              {linked} of {total} linked
            </Text>
            {done && left > 0 && (
              <Text size="sm" c="dimmed">
                {left} could not be linked: an organization is linked only when the plans it uses are mapped
                on this connection. They stay in the list of organizations not linked.
              </Text>
            )}
          </Stack>
        ) : preview.isPending ? (
          <LoadingState what="the exact matches" />
        ) : preview.isError ? (
          <ErrorState what="the exact matches" error={preview.error} onRetry={() => void preview.refetch()} />
        ) : left === 0 ? (
          <Text size="sm">
            No organization that is not linked has exactly one PSA company of the same name. Review the
            suggestions in the list and confirm them instead.
          </Text>
        ) : (
          <>
            <Text size="sm">
              {left} {left === 1 ? 'organization has' : 'organizations have'} exactly one PSA company of the
              same name, and will be linked to it:
            </Text>
            <List size="sm" spacing={2}>
              {preview.data.wouldLink.slice(0, LISTED).map((w) => (
                <List.Item key={w.organizationId}>
                  {w.organizationName} → {w.companyName}
                </List.Item>
              ))}
            </List>
            {left > LISTED && (
              <Text size="sm" c="dimmed">
                and {left - LISTED} more.
              </Text>
            )}
          </>
        )}
        {run.isError && (
          <Alert color="red" role="alert" title="Nothing was linked">
            {errorMessage(run.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {total === null ? 'Cancel' : 'Close'}
          </Button>
          {total === null && left > 0 && (
            <Button onClick={() => void start()} loading={run.isPending}>
              Link {left} exact {left === 1 ? 'match' : 'matches'}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
