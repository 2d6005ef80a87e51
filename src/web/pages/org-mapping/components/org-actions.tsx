// The write controls of one organization's row: link or relink, unlink, skip or stop skipping. Only
// for roles that may manage integrations; unlink and skip say what they stop before they do it.
import { Button, Group } from '@mantine/core';
import type { OrgMappingState } from '../../../client/types.ts';
import { useSkipOrganization, useUnlinkOrganization } from '../../../hooks/use-org-mapping.ts';
import { ConfirmDestructive } from '../../../ui/confirm-destructive.tsx';
import { notify } from '../../../ui/notify.ts';
import { errorMessage } from '../../../ui/states.tsx';

export function OrgActions({
  connectionId,
  organization,
  state,
  companyName,
  onLink,
}: {
  connectionId: string;
  organization: { id: string; name: string };
  state: OrgMappingState;
  companyName: string | null;
  onLink: () => void;
}) {
  const skip = useSkipOrganization(connectionId);
  const unlink = useUnlinkOrganization(connectionId);
  const name = organization.name;
  const here = state === 'linked' || state === 'broken';
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {(state === 'unlinked' || here) && (
        <Button
          size="xs"
          variant={here ? 'default' : 'light'}
          onClick={onLink}
          aria-label={`${here ? 'Relink' : 'Link'} ${name}`}
        >
          {here ? 'Relink' : 'Link'}
        </Button>
      )}
      {here && (
        <ConfirmDestructive
          title={`Unlink ${name}?`}
          consequences={`${name} is no longer linked to ${companyName ?? 'its company'}: the hub opens no tickets and writes no billing for it on this PSA until it is linked again. Nothing is removed from the PSA, and the link stays in the organization’s history.`}
          confirmLabel={`Unlink ${name}`}
          onConfirm={async () => {
            await unlink.mutateAsync(organization.id);
            notify({ message: `${name} is no longer linked.` });
          }}
        >
          {(open) => (
            <Button size="xs" variant="subtle" color="red" onClick={open} aria-label={`Unlink ${name}`}>
              Unlink
            </Button>
          )}
        </ConfirmDestructive>
      )}
      {state === 'skipped' ? (
        <Button
          size="xs"
          variant="default"
          loading={skip.isPending}
          aria-label={`Stop skipping ${name}`}
          onClick={() =>
            skip.mutate(
              { organizationId: organization.id, skip: false },
              {
                onSuccess: () => notify({ message: `${name} is no longer skipped.` }),
                onError: (err) => notify({ color: 'red', message: errorMessage(err) }),
              },
            )
          }
        >
          Stop skipping
        </Button>
      ) : (
        <ConfirmDestructive
          title={`Skip ${name}?`}
          consequences={`The integration is off for ${name} on every PSA: no tickets and no billing until you stop skipping it. Its link, if it has one, stays, so turning it back on needs no mapping.`}
          confirmLabel={`Skip ${name}`}
          onConfirm={async () => {
            await skip.mutateAsync({ organizationId: organization.id, skip: true });
            notify({ message: `${name} is skipped.` });
          }}
        >
          {(open) => (
            <Button size="xs" variant="subtle" color="gray" onClick={open} aria-label={`Skip ${name}`}>
              Skip
            </Button>
          )}
        </ConfirmDestructive>
      )}
    </Group>
  );
}
