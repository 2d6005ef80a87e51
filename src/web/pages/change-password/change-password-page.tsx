// The forced change of a one-time password at first sign-in: the hub refuses every other call until
// it is done. The new password is typed twice; the hub's own rules decide whether it is good enough.
import { Alert, Button, Container, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { Me } from '../../client/types.ts';
import { useChangePassword, useSignOut } from '../../hooks/use-session.ts';
import { errorMessage } from '../../ui/states.tsx';

export function ChangePasswordPage({ me }: { me: Me }) {
  const change = useChangePassword();
  const signOut = useSignOut();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (next !== repeat) return setMismatch(true);
    setMismatch(false);
    change.mutate({ email: me.user.email, currentPassword: current, newPassword: next });
  };
  return (
    <Container size={460} py={64} component="main">
      <Title order={1} size="h2" ta="center" mb={4}>
        Choose your password
      </Title>
      <Text c="dimmed" ta="center" mb="lg">
        You signed in as {me.user.email} with a one-time password. Replace it before you go on.
      </Text>
      <Paper withBorder p="lg" shadow="sm">
        <form onSubmit={submit} aria-label="Change password">
          <Stack>
            <PasswordInput
              label="One-time password"
              autoComplete="current-password"
              required
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
            />
            <PasswordInput
              label="New password"
              description="At least 12 characters; a few words are easier to remember than symbols."
              autoComplete="new-password"
              required
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
            />
            <PasswordInput
              label="New password again"
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
              error={mismatch ? 'The two new passwords differ; type the same one twice.' : undefined}
            />
            {change.isError && (
              <Alert color="red" role="alert" title="Password not changed">
                {errorMessage(change.error)}
              </Alert>
            )}
            <Button type="submit" loading={change.isPending} fullWidth>
              Change password and continue
            </Button>
            <Button variant="subtle" onClick={() => signOut.mutate()}>
              Sign out instead
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
