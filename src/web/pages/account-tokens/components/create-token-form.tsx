// A new personal access token: its name and how long it lives. The hub answers the token once.
import { Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { NewBearerToken } from '../../../client/types.ts';
import { useCreateMyToken } from '../../../hooks/use-bearer-tokens.ts';
import { fieldErrors } from '../../../ui/field-errors.ts';
import { errorMessage } from '../../../ui/states.tsx';

const lifetimes = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never (revoke it yourself)' },
];

export function CreateTokenForm({ onCreated }: { onCreated: (created: NewBearerToken) => void }) {
  const create = useCreateMyToken();
  const [name, setName] = useState('');
  const [lifetime, setLifetime] = useState<string>('90');
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const expiresAt =
      lifetime === 'never' ? undefined : new Date(Date.now() + Number(lifetime) * 86_400_000).toISOString();
    create.mutate(
      { name: name.trim(), ...(expiresAt ? { expiresAt } : {}) },
      {
        onSuccess: (created) => {
          setName('');
          onCreated(created);
        },
      },
    );
  };
  const unclaimed = create.isError && !errors.name && !errors.expiresAt ? errorMessage(create.error) : null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="new-token-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="new-token-heading">
            New token
          </Title>
          <Group align="flex-start" gap="sm" grow preventGrowOverflow={false}>
            <TextInput
              label="Name"
              description="What uses it, e.g. nightly export"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name ?? unclaimed}
            />
            <Select
              label="Expires after"
              description="Then it stops working by itself"
              data={lifetimes}
              value={lifetime}
              onChange={(v) => setLifetime(v ?? '90')}
              allowDeselect={false}
              error={errors.expiresAt}
            />
          </Group>
          <Group>
            <Button type="submit" loading={create.isPending}>
              Create token
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
