// Connect a PSA: its fields, each with where to find it in the PSA. "Validate & save" has the hub sign
// in to the PSA and read its permissions before anything is stored; a refusal shows the PSA's own
// reason, a success goes straight on to the new connection's ticket settings.
import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { PsaKind } from '../../client/types.ts';
import { useCurrentUser } from '../../auth/current-user.tsx';
import { useCreateConnection, type ConnectInput } from '../../hooks/use-connections.ts';
import { usePsaKinds } from '../../hooks/use-psa-kinds.ts';
import { fieldErrors } from '../../ui/field-errors.ts';
import { PermissionGate } from '../../ui/permission-gate.tsx';
import { EmptyState, ErrorState, errorMessage, LoadingState } from '../../ui/states.tsx';
import { CredentialFields, initialValues } from './components/credential-fields.tsx';

export function ConnectWizardPage() {
  const { kind: kindName } = useParams();
  const kinds = usePsaKinds();
  const { partner } = useCurrentUser();
  const [params] = useSearchParams();
  const partnerId = partner?.id ?? params.get('partner') ?? undefined;
  if (kinds.isPending) return <LoadingState what="the PSA's fields" />;
  if (kinds.isError)
    return <ErrorState what="the PSAs" error={kinds.error} onRetry={() => void kinds.refetch()} />;
  const kind = kinds.data.find((k) => k.kind === kindName);
  const back = (
    <Button component={Link} to="/integrations" variant="light">
      Back to integrations
    </Button>
  );
  if (!kind)
    return (
      <EmptyState
        title={`The hub does not connect to "${kindName}"`}
        next="Pick a PSA on the integrations page."
        action={back}
      />
    );
  if (!partnerId)
    return (
      <EmptyState
        title="No partner chosen"
        next="Choose the partner on the integrations page, then connect from its card."
        action={back}
      />
    );
  return (
    <PermissionGate
      permission="manage_integrations"
      fallback={
        <EmptyState
          title="Your role is read only"
          next="Ask an admin or owner of your partner to connect the PSA."
          action={back}
        />
      }
    >
      <ConnectForm
        kind={kind}
        partnerId={partnerId}
        defaultName={`${partner?.name ?? ''} ${kind.label}`.trim()}
      />
    </PermissionGate>
  );
}

function ConnectForm({
  kind,
  partnerId,
  defaultName,
}: {
  kind: PsaKind;
  partnerId: string;
  defaultName: string;
}) {
  const navigate = useNavigate();
  const create = useCreateConnection();
  const [name, setName] = useState(defaultName);
  const [values, setValues] = useState(() => initialValues(kind));
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: ConnectInput = {
      partnerId,
      kind: kind.kind as ConnectInput['kind'],
      name: name.trim(),
      credentials: values.credentials,
      ...(values.siteUrl.trim() ? { siteUrl: values.siteUrl.trim() } : {}),
    };
    create.mutate(body, {
      onSuccess: (created) =>
        navigate(`/connections/${created.connection.id}/ticket-settings`, {
          state: { identity: created.identity, permissions: created.permissions, justConnected: true },
        }),
    });
  };
  return (
    <Stack maw={720}>
      <Breadcrumbs>
        <Anchor component={Link} to="/integrations">
          Integrations
        </Anchor>
        <Text>Connect {kind.label}</Text>
      </Breadcrumbs>
      <div>
        <Title order={1} size="h2">
          Connect {kind.label}
        </Title>
        <Text c="dimmed">
          The hub signs in to {kind.label} with these details and checks every permission it needs before it
          stores anything. Secrets are stored encrypted and never shown again.
        </Text>
      </div>
      <Paper withBorder p="lg">
        <form onSubmit={submit} aria-label={`Connect ${kind.label}`}>
          <Stack>
            <TextInput
              label="Name"
              description="How this connection is called in the hub, e.g. in the event log."
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
            <CredentialFields kind={kind} values={values} onChange={setValues} errors={errors} />
            {create.isError && (
              <Alert color="red" role="alert" title={`${kind.label} did not accept these details`}>
                {errorMessage(create.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button component={Link} to="/integrations" variant="default">
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Validate &amp; save
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
