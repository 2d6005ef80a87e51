// People who sign in: partner users with a role in one partner, and operators (vendor staff).
import type { UserRole } from '../core/partners.ts';
import type { Db } from './db.ts';
import { afterCursor, toPage, type Page, type PageQuery } from './paging.ts';

export type AnyRole = UserRole | 'operator';

export interface User {
  id: string;
  email: string;
  name: string;
  partnerId: string | null;
  role: AnyRole;
  mustChangePassword: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
}

/** A user with the fields only sign-in may see. */
export interface UserWithSecret extends User {
  passwordHash: string | null;
  partnerPath: string | null;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  partner_id: string | null;
  role: AnyRole;
  must_change_password: boolean;
  created_at: Date;
  last_sign_in_at: Date | null;
  password_hash?: string | null;
  partner_path?: string | null;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  partnerId: r.partner_id,
  role: r.role,
  mustChangePassword: r.must_change_password,
  createdAt: r.created_at,
  lastSignInAt: r.last_sign_in_at,
});

const selectWithPath = `SELECT u.*, p.path AS partner_path FROM users u LEFT JOIN partners p ON p.id = u.partner_id`;

export async function getUserWithSecret(db: Db, where: { id: string } | { email: string }) {
  const [sql, value] = 'id' in where ? ['u.id = $1', where.id] : ['lower(u.email) = lower($1)', where.email];
  const [row] = await db.query<UserRow>(`${selectWithPath} WHERE ${sql}`, [value]);
  return (
    row && { ...toUser(row), passwordHash: row.password_hash ?? null, partnerPath: row.partner_path ?? null }
  );
}

export async function getUser(db: Db, id: string): Promise<User | undefined> {
  const [row] = await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
  return row && toUser(row);
}

export interface NewUser {
  email: string;
  name: string;
  partnerId: string | null;
  role: AnyRole;
  passwordHash: string;
  mustChangePassword: boolean;
}

export async function createUser(db: Db, u: NewUser): Promise<User> {
  const [row] = await db.query<UserRow>(
    `INSERT INTO users (email, name, partner_id, role, password_hash, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [u.email, u.name, u.partnerId, u.role, u.passwordHash, u.mustChangePassword],
  );
  return toUser(row!);
}

export async function emailTaken(db: Db, email: string, exceptId?: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM users WHERE lower(email) = lower($1) AND id <> $2', [
    email,
    exceptId ?? '00000000-0000-0000-0000-000000000000',
  ]);
  return rows.length > 0;
}

export async function updateUser(
  db: Db,
  id: string,
  patch: { name?: string | undefined; email?: string | undefined; role?: UserRole | undefined },
): Promise<User> {
  const [row] = await db.query<UserRow>(
    `UPDATE users SET name = COALESCE($2, name), email = COALESCE($3, email), role = COALESCE($4, role),
            updated_at = now() WHERE id = $1 RETURNING *`,
    [id, patch.name ?? null, patch.email ?? null, patch.role ?? null],
  );
  return toUser(row!);
}

export async function setPassword(
  db: Db,
  id: string,
  passwordHash: string,
  mustChange: boolean,
): Promise<void> {
  await db.query(
    'UPDATE users SET password_hash = $2, must_change_password = $3, updated_at = now() WHERE id = $1',
    [id, passwordHash, mustChange],
  );
}

export async function recordSignIn(db: Db, id: string): Promise<void> {
  await db.query('UPDATE users SET last_sign_in_at = now() WHERE id = $1', [id]);
}

export async function deleteUser(db: Db, id: string): Promise<void> {
  await db.query('DELETE FROM users WHERE id = $1', [id]);
}

/** Users of partners within `withinPath`, by name; optionally of one partner or one role. */
export async function listUsers(
  db: Db,
  opts: PageQuery & {
    withinPath: string;
    q?: string | undefined;
    partnerId?: string | undefined;
    role?: AnyRole | undefined;
  },
): Promise<Page<User>> {
  const after = afterCursor(opts.cursor, 6);
  const rows = await db.query<UserRow>(
    `SELECT u.* FROM users u JOIN partners p ON p.id = u.partner_id
      WHERE p.path LIKE $1 || '%' AND ($2::text IS NULL OR u.name ILIKE $2 OR u.email ILIKE $2)
        AND ($4::uuid IS NULL OR u.partner_id = $4) AND ($5::text IS NULL OR u.role = $5)
        AND ${after.sql.replace('(name, id)', '(u.name, u.id)')}
      ORDER BY u.name, u.id LIMIT $3`,
    [
      opts.withinPath,
      opts.q ? `%${opts.q}%` : null,
      opts.limit + 1,
      opts.partnerId ?? null,
      opts.role ?? null,
      ...after.params,
    ],
  );
  return toPage(rows.map(toUser), opts.limit);
}

export async function countOwners(db: Db, partnerId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM users WHERE partner_id = $1 AND role = 'owner'`,
    [partnerId],
  );
  return row?.n ?? 0;
}

export async function countOperators(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE role = 'operator'`);
  return row?.n ?? 0;
}
