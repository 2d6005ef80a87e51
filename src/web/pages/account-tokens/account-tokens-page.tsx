// My personal access tokens: for scripts and tools that call the Partner API as me (Authorization:
// Bearer …). Listed without the token itself; a new one is shown once; revoking one stops it at once.
import { Code, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { NewBearerToken } from '../../client/types.ts';
import { useMyTokens, useRevokeMyToken } from '../../hooks/use-bearer-tokens.ts';
import { BearerTokenTable } from '../../ui/bearer-token-table.tsx';
import { notify } from '../../ui/notify.ts';
import { OneTimeSecret } from '../../ui/one-time-secret.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states.tsx';
import { CreateTokenForm } from './components/create-token-form.tsx';

export function AccountTokensPage() {
  const tokens = useMyTokens();
  const revoke = useRevokeMyToken();
  const [created, setCreated] = useState<NewBearerToken | null>(null);
  return (
    <Stack maw={1040}>
      <div>
        <Title order={1} size="h2">
          My tokens
        </Title>
        <Text c="dimmed">
          Personal access tokens let a script call the Partner API as you, with your role: send it as{' '}
          <Code>Authorization: Bearer …</Code>. Revoke one as soon as nothing uses it.
        </Text>
      </div>
      {created ? (
        <OneTimeSecret label="New token" value={created.token} onDone={() => setCreated(null)}>
          <Text size="sm">
            Store it where the script reads its secrets. It acts as you until{' '}
            {created.info.expiresAt ? new Date(created.info.expiresAt).toLocaleDateString() : 'you revoke it'}
            .
          </Text>
        </OneTimeSecret>
      ) : (
        <CreateTokenForm onCreated={setCreated} />
      )}
      <section aria-labelledby="tokens-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="tokens-heading">
            Your tokens
          </Title>
          {tokens.isPending ? (
            <LoadingState what="your tokens" />
          ) : tokens.isError ? (
            <ErrorState what="your tokens" error={tokens.error} onRetry={() => void tokens.refetch()} />
          ) : tokens.data.length === 0 ? (
            <EmptyState
              title="No tokens yet"
              next="Create one above for each script or tool that calls the hub, so each can be revoked on its own."
            />
          ) : (
            <BearerTokenTable
              caption="Your personal access tokens"
              tokens={tokens.data}
              consequences={(t) => (
                <>
                  Whatever uses <strong>{t.name}</strong> ({t.prefix}…) is refused from now on. Your other
                  tokens and your sign-in stay as they are.
                </>
              )}
              onRevoke={(t) =>
                revoke.mutateAsync(t.id).then(() => notify({ message: `${t.name} is revoked.` }))
              }
            />
          )}
        </Stack>
      </section>
    </Stack>
  );
}
