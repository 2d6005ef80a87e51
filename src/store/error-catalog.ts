// The vendor's error catalog input (entries and codes added to, or replacing, the built-in ones).
import type { CatalogInput } from '../core/error-catalog.ts';
import type { Db } from './db.ts';

export async function getCatalogInput(db: Db): Promise<{ input: CatalogInput; updatedAt: Date } | undefined> {
  const [row] = await db.query<{ input: CatalogInput; updated_at: Date }>(
    'SELECT input, updated_at FROM error_catalog WHERE id',
  );
  return row && { input: row.input, updatedAt: row.updated_at };
}

export async function setCatalogInput(db: Db, input: CatalogInput): Promise<void> {
  await db.query(
    `INSERT INTO error_catalog (id, input) VALUES (true, $1)
     ON CONFLICT (id) DO UPDATE SET input = $1, updated_at = now()`,
    [JSON.stringify(input)],
  );
}
