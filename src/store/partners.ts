// Partners and their tree. The tree is kept as a materialised path so "this partner and everything
// below it" is one indexed prefix match.
import { AppError } from '../core/errors.ts';
import { childPath, hierarchyProblem, type PartnerKind } from '../core/partners.ts';
import type { Db } from './db.ts';
import { afterCursor, toPage, type Page, type PageQuery } from './paging.ts';

export interface Partner {
  id: string;
  externalId: string | null;
  name: string;
  kind: PartnerKind;
  parentId: string | null;
  path: string;
  createdAt: Date;
  updatedAt: Date;
}

interface PartnerRow {
  id: string;
  external_id: string | null;
  name: string;
  kind: PartnerKind;
  parent_id: string | null;
  path: string;
  created_at: Date;
  updated_at: Date;
}

const toPartner = (r: PartnerRow): Partner => ({
  id: r.id,
  externalId: r.external_id,
  name: r.name,
  kind: r.kind,
  parentId: r.parent_id,
  path: r.path,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface PartnerInput {
  name: string;
  kind: PartnerKind;
  parentId: string | null;
  externalId?: string | null;
}

export async function getPartner(db: Db, id: string): Promise<Partner | undefined> {
  const [row] = await db.query<PartnerRow>('SELECT * FROM partners WHERE id = $1', [id]);
  return row && toPartner(row);
}

export async function findPartnerByExternalId(db: Db, externalId: string): Promise<Partner | undefined> {
  const [row] = await db.query<PartnerRow>('SELECT * FROM partners WHERE external_id = $1', [externalId]);
  return row && toPartner(row);
}

/** Partners whose path lies within `withinPath` (all when null), by name. */
export async function listPartners(
  db: Db,
  opts: PageQuery & { withinPath: string | null; q?: string | undefined },
): Promise<Page<Partner>> {
  const params: unknown[] = [opts.withinPath ?? '/', opts.q ? `%${opts.q}%` : null, opts.limit + 1];
  const after = afterCursor(opts.cursor, 4);
  const rows = await db.query<PartnerRow>(
    `SELECT * FROM partners
      WHERE path LIKE $1 || '%'
        AND ($2::text IS NULL OR name ILIKE $2 OR external_id ILIKE $2)
        AND ${after.sql}
      ORDER BY name, id LIMIT $3`,
    [...params, ...after.params],
  );
  return toPage(rows.map(toPartner), opts.limit);
}

async function checkPlacement(db: Db, input: PartnerInput, selfId: string | null): Promise<Partner | null> {
  const parent = input.parentId === null ? null : await getPartner(db, input.parentId);
  if (input.parentId !== null && !parent) {
    throw new AppError('invalid_reference', `parent partner ${input.parentId} does not exist`);
  }
  const problem = hierarchyProblem(input.kind, parent?.kind ?? null);
  if (problem) throw new AppError('invalid_hierarchy', problem);
  if (selfId !== null && parent && parent.path.includes(`/${selfId}/`)) {
    throw new AppError('invalid_hierarchy', 'a partner cannot move under its own descendant');
  }
  if (selfId !== null) {
    const children = await db.query<{ name: string; kind: PartnerKind }>(
      'SELECT name, kind FROM partners WHERE parent_id = $1',
      [selfId],
    );
    for (const child of children) {
      const childProblem = hierarchyProblem(child.kind, input.kind);
      if (childProblem) throw new AppError('invalid_hierarchy', `${childProblem} (child "${child.name}")`);
    }
  }
  return parent ?? null;
}

export async function createPartner(db: Db, input: PartnerInput): Promise<Partner> {
  const parent = await checkPlacement(db, input, null);
  const [{ id } = { id: '' }] = await db.query<{ id: string }>('SELECT gen_random_uuid() AS id');
  const [row] = await db.query<PartnerRow>(
    `INSERT INTO partners (id, external_id, name, kind, parent_id, path)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [
      id,
      input.externalId ?? null,
      input.name,
      input.kind,
      input.parentId,
      childPath(parent?.path ?? null, id),
    ],
  );
  return toPartner(row!);
}

/** Change a partner; moving it re-roots its whole subtree in the same statement set. */
export async function updatePartner(db: Db, current: Partner, input: PartnerInput): Promise<Partner> {
  const parent = await checkPlacement(db, input, current.id);
  const path = childPath(parent?.path ?? null, current.id);
  if (path !== current.path) {
    await db.query(
      `UPDATE partners SET path = $2 || substr(path, length($1) + 1) WHERE path LIKE $1 || '%' AND id <> $3`,
      [current.path, path, current.id],
    );
  }
  const [row] = await db.query<PartnerRow>(
    `UPDATE partners SET name = $2, kind = $3, parent_id = $4, path = $5,
            external_id = COALESCE($6, external_id), updated_at = now()
      WHERE id = $1 RETURNING *`,
    [current.id, input.name, input.kind, input.parentId, path, input.externalId ?? null],
  );
  return toPartner(row!);
}

export function samePartner(p: Partner, input: PartnerInput): boolean {
  return p.name === input.name && p.kind === input.kind && p.parentId === input.parentId;
}
