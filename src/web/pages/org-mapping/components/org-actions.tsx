// The write controls of one organization's row: link or relink, unlink, skip or stop skipping. Only
// for roles that may manage integrations; unlink and skip ask first (useOrgActions' one dialog), saying
// what they stop.
import { Button, Group } from '@mantine/core';
import type { OrgMappingState } from '../../../client/types.ts';
import type { OrgRowActions } from './use-org-actions.tsx';

export function OrgActions({
  organization,
  state,
  companyName,
  actions,
  onLink,
}: {
  organization: { id: string; name: string };
  state: OrgMappingState;
  companyName: string | null;
  actions: OrgRowActions;
  onLink: () => void;
}) {
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
        <Button
          size="xs"
          variant="subtle"
          color="red"
          onClick={() => actions.askUnlink(organization, companyName)}
          aria-label={`Unlink ${name}`}
        >
          Unlink
        </Button>
      )}
      {state === 'skipped' ? (
        <Button
          size="xs"
          variant="default"
          loading={actions.stopping === organization.id}
          aria-label={`Stop skipping ${name}`}
          onClick={() => actions.stopSkipping(organization)}
        >
          Stop skipping
        </Button>
      ) : (
        <Button
          size="xs"
          variant="subtle"
          color="gray"
          onClick={() => actions.askSkip(organization)}
          aria-label={`Skip ${name}`}
        >
          Skip
        </Button>
      )}
    </Group>
  );
}
