// The write actions of the organization rows, made once for the whole list: one skip and one unlink
// mutation and one confirm dialog, however many rows there are (per-row hooks and dialogs were most
// of the first page's render time at 50 rows).
import { useMemo, type ReactNode } from 'react';
import { useSkipOrganization, useUnlinkOrganization } from '../../../hooks/use-org-mapping.ts';
import { useConfirm } from '../../../ui/confirm-dialog.tsx';
import { notify } from '../../../ui/notify.ts';
import { errorMessage } from '../../../ui/states.tsx';

export interface OrgRowActions {
  askUnlink(organization: { id: string; name: string }, companyName: string | null): void;
  askSkip(organization: { id: string; name: string }): void;
  stopSkipping(organization: { id: string; name: string }): void;
  /** The organization whose "stop skipping" is on its way, to show its button busy. */
  stopping: string | null;
}

export function useOrgActions(connectionId: string): { actions: OrgRowActions; dialog: ReactNode } {
  const skip = useSkipOrganization(connectionId);
  const { mutate: skipNow, mutateAsync: skipAsync } = skip;
  const { mutateAsync: unlinkAsync } = useUnlinkOrganization(connectionId);
  const { ask, dialog } = useConfirm();
  const stopping = skip.isPending && skip.variables?.skip === false ? skip.variables.organizationId : null;
  const actions = useMemo<OrgRowActions>(
    () => ({
      askUnlink: ({ id, name }, companyName) =>
        ask({
          title: `Unlink ${name}?`,
          consequences: `${name} is no longer linked to ${companyName ?? 'its company'}: the hub opens no tickets and writes no billing for it on this PSA until it is linked again. Nothing is removed from the PSA, and the link stays in the organization’s history.`,
          confirmLabel: `Unlink ${name}`,
          onConfirm: async () => {
            await unlinkAsync(id);
            notify({ message: `${name} is no longer linked.` });
          },
        }),
      askSkip: ({ id, name }) =>
        ask({
          title: `Skip ${name}?`,
          consequences: `The integration is off for ${name} on every PSA: no tickets and no billing until you stop skipping it. Its link, if it has one, stays, so turning it back on needs no mapping.`,
          confirmLabel: `Skip ${name}`,
          onConfirm: async () => {
            await skipAsync({ organizationId: id, skip: true });
            notify({ message: `${name} is skipped.` });
          },
        }),
      stopSkipping: ({ id, name }) =>
        skipNow(
          { organizationId: id, skip: false },
          {
            onSuccess: () => notify({ message: `${name} is no longer skipped.` }),
            onError: (err) => notify({ color: 'red', message: errorMessage(err) }),
          },
        ),
      stopping,
    }),
    // The mutations' functions and `ask` are stable: the rows re-render only when the busy one changes.
    [ask, skipNow, skipAsync, unlinkAsync, stopping],
  );
  return { actions, dialog };
}
