// Replace a connection's credentials. The hub tries the new ones first and keeps the old ones if the
// PSA refuses them, so the PSA's reason is shown and nothing changes.
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Connection, PsaKind } from '../../../client/types.ts';
import { useUpdateCredentials } from '../../../hooks/use-connections.ts';
import { fieldErrors } from '../../../ui/field-errors.ts';
import { errorMessage } from '../../../ui/states.tsx';
import { CredentialFields, initialValues } from '../../connect/components/credential-fields.tsx';

export function EditCredentials({ connection, kind }: { connection: Connection; kind: PsaKind }) {
  const [opened, setOpened] = useState(false);
  const [values, setValues] = useState(() =>
    initialValues(kind, connection.credentialHints, connection.siteUrl),
  );
  const update = useUpdateCredentials(connection.id);
  const open = () => {
    setValues(initialValues(kind, connection.credentialHints, connection.siteUrl));
    update.reset();
    setOpened(true);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { siteUrl: values.siteUrl.trim(), credentials: values.credentials },
      { onSuccess: () => setOpened(false) },
    );
  };
  return (
    <>
      <Button variant="default" size="xs" onClick={open}>
        Edit credentials
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={`Credentials of ${connection.name}`}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <form onSubmit={submit} aria-label="Edit credentials">
          <Stack>
            <CredentialFields
              kind={kind}
              values={values}
              onChange={setValues}
              errors={fieldErrors(update.error)}
              stored
            />
            {update.isError && (
              <Alert color="red" role="alert" title="Not saved: the old credentials stay">
                {errorMessage(update.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={update.isPending}>
                Validate &amp; save
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
