// Sign in with e-mail and password. A first sign-in with a one-time password goes on to the forced
// password change (RequireSession decides that from the hub's mustChangePassword flag).
import { Alert, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useSignIn } from '../../hooks/use-session.ts';
import { errorMessage } from '../../ui/states.tsx';

export function SignInPage() {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  };
  return (
    <Container size={420} py={64} component="main">
      <Title order={1} ta="center" mb={4}>
        psa-hub
      </Title>
      <Text c="dimmed" ta="center" mb="lg">
        Sign in to connect your PSA and see what the hub writes to it.
      </Text>
      <Paper withBorder p="lg" shadow="sm">
        <form onSubmit={submit} aria-label="Sign in">
          <Stack>
            <TextInput
              label="E-mail"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              autoFocus
            />
            <PasswordInput
              label="Password"
              description="The first time, use the one-time password you were given."
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            {signIn.isError && (
              <Alert color="red" role="alert" title="Not signed in">
                {errorMessage(signIn.error)}
              </Alert>
            )}
            <Button type="submit" loading={signIn.isPending} fullWidth>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
