/** What an idempotent upsert did. */
export type UpsertStatus = 'created' | 'updated' | 'unchanged';
