// Users of the caller's partner and below: the filtered list (paged by cursor, filtered by the hub),
// and invite, change and remove. Each change refreshes the user lists, nothing else.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../client/client.ts';
import type { paths } from '../client/schema';
import type { UserQuery } from '../client/types.ts';

export type UserFilters = Omit<UserQuery, 'cursor' | 'limit'>;
type Invite = paths['/api/v1/users']['post']['requestBody']['content']['application/json'];
type Change = { id: string; role: Invite['role'] };

const usersKey = ['users'] as const;

export function useUsers(filters: UserFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...usersKey, 'list', filters],
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/users', {
          params: { query: { ...filters, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

function useUserMutation<T, R>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export const useInviteUser = () =>
  useUserMutation((body: Invite) => call(api.POST('/api/v1/users', { body })));

export const useChangeRole = () =>
  useUserMutation(({ id, role }: Change) =>
    call(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body: { role } })),
  );

export const useRemoveUser = () =>
  useUserMutation((id: string) => call(api.DELETE('/api/v1/users/{id}', { params: { path: { id } } })));
