// Deterministic helpers shared by the seed generator's parts (a seeded LCG, dates, references).
export type Row = Record<string, unknown> & { id: number };
let state = 20260404;
export const rand = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
export const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
export const day = (y: number, m: number, d: number): string =>
  new Date(Date.UTC(y, m - 1, d)).toISOString().replace(/\.\d{3}Z$/, 'Z');
export const info = (at: string) => ({
  lastUpdated: at,
  updatedBy: 'admin',
  dateEntered: at,
  enteredBy: 'admin',
});
export const ref = (row: Row, ...keys: string[]) =>
  Object.fromEntries([['id', row.id], ...keys.map((k) => [k, row[k]])]);

export const loc = { id: 1, name: 'Main Office' };
export const dept = { id: 1, identifier: 'SVC', name: 'Services' };
export const US = { id: 1, name: 'United States' };
export const UK = { id: 2, name: 'United Kingdom' };
export const DE = { id: 3, name: 'Germany' };
