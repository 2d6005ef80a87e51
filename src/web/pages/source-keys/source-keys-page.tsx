// Source API keys (operators only): what the vendor platform sends with every push of partners,
// organizations, plans, usage and events. Listed without the key; a new one is shown once.
import { Code, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { can } from '../../auth/permissions.ts';
import type { NewBearerToken } from '../../client/types.ts';
import { useRevokeSourceKey, useSourceKeys } from '../../hooks/use-bearer-tokens.ts';
import { BearerTokenTable } from '../../ui/bearer-token-table.tsx';
import { notify } from '../../ui/notify.ts';
import { OneTimeSecret } from '../../ui/one-time-secret.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.tsx';
import { CreateSourceKeyForm } from './components/create-source-key-form.tsx';

export function SourceKeysPage() {
  const { user } = useCurrentUser();
  const operator = can(user, 'operator');
  const keys = useSourceKeys(operator);
  const revoke = useRevokeSourceKey();
  const [created, setCreated] = useState<NewBearerToken | null>(null);
  const heading = (
    <div>
      <Title order={1} size="h2">
        Source keys
      </Title>
      <Text c="dimmed">
        The vendor platform sends one of these as <Code>Authorization: Bearer …</Code> on every call to the
        Source API. Give each platform and environment its own, so one can be revoked alone.
      </Text>
    </div>
  );
  // The hub refuses non-operators anyway; say so instead of showing its refusal as a failure.
  if (!operator)
    return (
      <Stack maw={1040}>
        {heading}
        <EmptyState
          title="Only operators manage source keys"
          next="Source keys belong to the vendor's staff. Ask an operator if the platform needs a new one."
        />
      </Stack>
    );
  return (
    <Stack maw={1040}>
      {heading}
      {created ? (
        <OneTimeSecret label="New source key" value={created.token} onDone={() => setCreated(null)}>
          <Text size="sm">
            Put it in the vendor platform's configuration for the hub. It works until it is revoked here.
          </Text>
        </OneTimeSecret>
      ) : (
        <CreateSourceKeyForm onCreated={setCreated} />
      )}
      <section aria-labelledby="keys-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="keys-heading">
            Keys in use
          </Title>
          {keys.isPending ? (
            <LoadingState what="source keys" />
          ) : keys.isError ? (
            <ErrorState what="source keys" error={keys.error} onRetry={() => void keys.refetch()} />
          ) : keys.data.length === 0 ? (
            <EmptyState
              title="No source keys"
              next="Nothing can push data to the hub until it has one: create a key above and give it to the vendor platform."
            />
          ) : (
            <BearerTokenTable
              caption="Source API keys"
              tokens={keys.data}
              consequences={(k) => (
                <>
                  The platform that sends <strong>{k.name}</strong> ({k.prefix}…) is refused from now on: its
                  partners, usage and alert events stop arriving until it has another key. Data already sent
                  stays.
                </>
              )}
              onRevoke={(k) =>
                revoke.mutateAsync(k.id).then(() => notify({ message: `${k.name} is revoked.` }))
              }
            />
          )}
        </Stack>
      </section>
    </Stack>
  );
}
