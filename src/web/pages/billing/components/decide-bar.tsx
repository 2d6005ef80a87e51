// Approve or reject the ticked change sets, each behind a dialog that says how many and what will
// be written (or that nothing will be).
import { Button, Group, List, Text } from '@mantine/core';
import { ConfirmDestructive } from '../../../ui/confirm-destructive.tsx';
import { notify } from '../../../ui/notify.ts';
import type { ChangeSet } from '../billing-types.ts';
import { useDecideChangeSets } from '../use-change-sets.ts';
import { formatNumber } from './billing-words.ts';

const SHOWN = 8;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function DecideBar({ selected, onDecided }: { selected: ChangeSet[]; onDecided: () => void }) {
  const approve = useDecideChangeSets('approve');
  const reject = useDecideChangeSets('reject');
  const ids = selected.map((s) => s.id);
  const lines = selected.flatMap((s) => s.lines.map((l) => ({ set: s, line: l })));
  const gone = lines.filter((l) => l.line.current == null).length;
  const sets = plural(selected.length, 'change set');
  const decide = async (which: 'approve' | 'reject') => {
    const answer = await (which === 'approve' ? approve : reject).mutateAsync(ids);
    onDecided();
    const skipped = answer.skipped.length
      ? ` ${plural(answer.skipped.length, 'was', 'were')} no longer pending.`
      : '';
    notify({
      message:
        which === 'approve'
          ? `${plural(answer.decided, 'change set')} approved; the hub is writing them to the PSA now.${skipped}`
          : `${plural(answer.decided, 'change set')} rejected; nothing was written.${skipped}`,
    });
  };
  return (
    <Group gap="xs">
      <Text size="sm" fw={500} aria-live="polite">
        {selected.length === 0 ? 'Tick pending change sets to decide them.' : `${sets} selected`}
      </Text>
      <ConfirmDestructive
        title={`Approve ${sets}?`}
        confirmLabel={`Approve and write ${sets}`}
        onConfirm={() => decide('approve')}
        consequences={
          <>
            <Text size="sm" mb="xs">
              The hub writes {plural(lines.length, 'line')} of {sets} to the PSA now:
            </Text>
            <List size="sm" spacing={2}>
              {lines.slice(0, SHOWN).map(({ set, line }) => (
                <List.Item key={`${set.id}-${line.targetId}`}>
                  {set.organization.name}, {line.plan.name}: {formatNumber(line.current)} →{' '}
                  <b>{formatNumber(line.desired)}</b> on {line.target}
                </List.Item>
              ))}
            </List>
            {lines.length > SHOWN && (
              <Text size="sm" mt={4}>
                …and {plural(lines.length - SHOWN, 'more line')}.
              </Text>
            )}
            {gone > 0 && (
              <Text size="sm" mt="xs">
                {plural(gone, 'line')} whose billing record is gone will not be written.
              </Text>
            )}
            <Text size="sm" mt="xs">
              Each write is in the event log with the PSA’s answer.
            </Text>
          </>
        }
      >
        {(open) => (
          <Button size="xs" disabled={selected.length === 0} onClick={open}>
            Approve {selected.length || ''} selected
          </Button>
        )}
      </ConfirmDestructive>
      <ConfirmDestructive
        title={`Reject ${sets}?`}
        confirmLabel={`Reject ${sets}`}
        onConfirm={() => decide('reject')}
        consequences={
          <Text size="sm">
            Nothing is written to the PSA for {sets} ({plural(lines.length, 'line')}), and the same change is
            not proposed again until the usage, the rules or the PSA’s quantity change.
          </Text>
        }
      >
        {(open) => (
          <Button size="xs" variant="default" disabled={selected.length === 0} onClick={open}>
            Reject {selected.length || ''} selected
          </Button>
        )}
      </ConfirmDestructive>
    </Group>
  );
}
