// A new Source API key: only its name (which platform, which environment). The hub answers it once.
import { Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { NewBearerToken } from '../../../client/types.ts';
import { useCreateSourceKey } from '../../../hooks/use-bearer-tokens.ts';
import { fieldErrors } from '../../../ui/field-errors.ts';
import { errorMessage } from '../../../ui/states.tsx';

export function CreateSourceKeyForm({ onCreated }: { onCreated: (created: NewBearerToken) => void }) {
  const create = useCreateSourceKey();
  const [name, setName] = useState('');
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (created) => {
          setName('');
          onCreated(created);
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="new-key-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="new-key-heading">
            New source key
          </Title>
          <TextInput
            label="Name"
            description="Which platform and environment sends with it, e.g. backup platform (production)"
            required
            maw={520}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name ?? (create.isError && !errors.name ? errorMessage(create.error) : null)}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              Create source key
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
