// A new partner below the chosen one (operators: the hub lets only them create partners; the vendor
// platform usually pushes them through the Source API). Only kinds that may sit below are offered.
import { Button, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Partner, PartnerKind } from '../../../client/types.ts';
import { useCreatePartner } from '../../../hooks/use-partners.ts';
import { fieldErrors } from '../../../ui/field-errors.ts';
import { notify } from '../../../ui/notify.ts';
import { errorMessage } from '../../../ui/states.tsx';
import { kindLabels, kindsBelow } from './partner-kinds.ts';

export function CreatePartner({ parent, onCreated }: { parent: Partner; onCreated: (p: Partner) => void }) {
  const kinds = kindsBelow(parent.kind);
  const create = useCreatePartner();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PartnerKind | null>(kinds.at(-1) ?? null);
  const [externalId, setExternalId] = useState('');
  const errors = fieldErrors(create.error);
  if (kinds.length === 0)
    return (
      <Text size="sm" c="dimmed">
        A sub-reseller has no partners below it.
      </Text>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!kind) return;
    create.mutate(
      {
        name: name.trim(),
        kind,
        parentId: parent.id,
        ...(externalId.trim() ? { externalId: externalId.trim() } : {}),
      },
      {
        onSuccess: (created) => {
          setName('');
          setExternalId('');
          notify({ message: `${created.name} is created below ${parent.name}.` });
          onCreated(created);
        },
      },
    );
  };
  const unclaimed =
    create.isError && !errors.name && !errors.kind && !errors.externalId ? errorMessage(create.error) : null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="new-partner-heading">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="new-partner-heading">
            New partner below {parent.name}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label="Name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name ?? unclaimed}
            />
            <Select
              label="Kind"
              required
              data={kinds.map((k) => ({ value: k, label: kindLabels[k] }))}
              value={kind}
              onChange={(v) => setKind(v as PartnerKind | null)}
              allowDeselect={false}
              error={errors.kind}
            />
            <TextInput
              label="Platform id"
              description="Its id on the vendor platform, if it has one"
              value={externalId}
              onChange={(e) => setExternalId(e.currentTarget.value)}
              error={errors.externalId}
            />
          </SimpleGrid>
          <div>
            <Button type="submit" loading={create.isPending}>
              Create partner
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
