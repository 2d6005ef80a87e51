// Runs a batch of upserts: every item is validated on its own, and applied in its own savepoint of
// one transaction, so one bad item is reported without undoing or blocking the others.
import type { TSchema } from 'typebox';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../store/db.ts';
import type { UpsertStatus } from '../../store/upsert-status.ts';
import { oddString } from '../../core/odd-strings.ts';
import { describeValidation, summarize } from '../validation-errors.ts';
import { compileCheck } from '../validator.ts';

export interface Applied {
  status: UpsertStatus;
  id: string;
}

export interface ItemResult {
  index: number;
  key: string | null;
  status: UpsertStatus | 'rejected';
  id?: string;
  error?: { code: string; message: string };
}

export interface BatchReply {
  counts: Record<UpsertStatus | 'rejected', number>;
  results: ItemResult[];
}

export interface BatchSpec<T> {
  schema: TSchema;
  /** The item's identifying key, for the reply. */
  key(item: T): string;
  apply(tx: Db, item: T): Promise<Applied>;
  /** Order valid items before applying (e.g. parents before children); identity when absent. */
  order?(items: { index: number; item: T }[]): { index: number; item: T }[];
  onApplied?(tx: Db, item: T, applied: Applied): Promise<void>;
}

export async function runBatch<T>(
  db: Db,
  items: readonly unknown[],
  spec: BatchSpec<T>,
): Promise<BatchReply> {
  const check = compileCheck(spec.schema);
  const results: ItemResult[] = [];
  const valid: { index: number; item: T }[] = [];
  items.forEach((item, index) => {
    const odd = oddString(item, `body/items/${index}`);
    const errors = odd ? null : check(item);
    if (!odd && !errors) return valid.push({ index, item: item as T });
    const details = odd ? [odd] : describeValidation(`body/items/${index}`, errors!);
    const key = (item as { externalId?: unknown } | null)?.externalId;
    results.push({
      index,
      key: typeof key === 'string' ? key : null,
      status: 'rejected',
      error: { code: 'invalid_request', message: summarize(details) },
    });
  });
  await db.transaction(async (tx) => {
    for (const { index, item } of spec.order ? spec.order(valid) : valid) {
      try {
        const applied = await tx.transaction(async (sp) => {
          const result = await spec.apply(sp, item);
          if (result.status !== 'unchanged') await spec.onApplied?.(sp, item, result);
          return result;
        });
        results.push({ index, key: spec.key(item), status: applied.status, id: applied.id });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        results.push({
          index,
          key: spec.key(item),
          status: 'rejected',
          error: { code: err.code, message: err.message },
        });
      }
    }
  });
  results.sort((a, b) => a.index - b.index);
  const counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const r of results) counts[r.status] += 1;
  return { counts, results };
}
