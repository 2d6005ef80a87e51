// Gate of every signed-in page: nobody signed in → the sign-in page; a one-time password → the
// forced password change; otherwise the page, with the user in context.
import type { ReactNode } from 'react';
import { useMe } from '../hooks/use-session.ts';
import { ChangePasswordPage } from '../pages/change-password/change-password-page.tsx';
import { SignInPage } from '../pages/sign-in/sign-in-page.tsx';
import { ErrorState, LoadingState } from '../ui/states.tsx';
import { CurrentUserContext } from './current-user.tsx';
import { Container } from '@mantine/core';

export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <LoadingState what="your session" />;
  if (me.isError)
    return (
      <Container size="sm" py="xl">
        <ErrorState what="your session" error={me.error} onRetry={() => void me.refetch()} />
      </Container>
    );
  if (!me.data) return <SignInPage />;
  if (me.data.user.mustChangePassword) return <ChangePasswordPage me={me.data} />;
  return <CurrentUserContext.Provider value={me.data}>{children}</CurrentUserContext.Provider>;
}
