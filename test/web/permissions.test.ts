// The portal offers exactly the roles the hub lets each role grant: auth/permissions.ts mirrors
// src/core/partners.ts, and this keeps the mirror honest.
import { expect, it } from 'vitest';
import { canAssignRole, canManageUsers, userRoles } from '../../src/core/partners.ts';

type Role = (typeof userRoles)[number] | 'operator';
// Loaded by address: src/web has its own tsconfig (DOM, bundler resolution) that the root one does
// not compile, so its types are restated here for the two functions under test.
const web = '../../src/web/auth/permissions.ts';
const { assignableRoles, can } = (await import(web)) as {
  assignableRoles: (user: { role: Role }) => string[];
  can: (user: { role: Role }, permission: 'manage_users') => boolean;
};

it('offers a role exactly the roles the hub lets it grant', () => {
  for (const actor of userRoles) {
    expect(new Set(assignableRoles({ role: actor }))).toEqual(
      new Set(userRoles.filter((r) => canAssignRole(actor, r))),
    );
    expect(can({ role: actor }, 'manage_users')).toBe(canManageUsers(actor));
  }
  expect(new Set(assignableRoles({ role: 'operator' }))).toEqual(new Set(userRoles));
});
