// The session: who is signed in (GET /api/v1/me), sign in, sign out, the one-time password change.
// The CSRF token of the session comes with the answers and goes to the API client.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, setCsrfToken } from '../client/client.ts';
import { isApiError } from '../client/api-error.ts';
import type { Me } from '../client/types.ts';

export const meKey = ['me'] as const;

/** The signed-in user, or null when nobody is. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await call(api.GET('/api/v1/me'));
        setCsrfToken(me.csrfToken);
        return me;
      } catch (err) {
        if (isApiError(err) && err.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw err;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => call(api.POST('/api/v1/auth/login', { body })),
    onSuccess: async ({ csrfToken }) => {
      setCsrfToken(csrfToken);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      await queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/auth/logout')),
    onSettled: () => {
      setCsrfToken(null);
      // Another user may sign in next: nothing of this one's stays cached. The session query stays
      // (the page observes it) and now says nobody is signed in.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      queryClient.setQueryData(meKey, null);
    },
  });
}

/** Changing the password ends every session, this one too: sign in again with the new password. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { email: string; currentPassword: string; newPassword: string }) => {
      await call(
        api.POST('/api/v1/me/password', {
          body: { currentPassword: body.currentPassword, newPassword: body.newPassword },
        }),
      );
      return call(
        api.POST('/api/v1/auth/login', { body: { email: body.email, password: body.newPassword } }),
      );
    },
    onSuccess: async ({ csrfToken }) => {
      setCsrfToken(csrfToken);
      await queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}
