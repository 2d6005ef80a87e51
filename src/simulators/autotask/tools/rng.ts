// Deterministic randomness for the seed generator (one shared state, so the seed is reproducible).
let state = 20261124;
export function rand(): number {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
}
export const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
export const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
export const day = (iso: string, plusDays: number): string =>
  new Date(Date.parse(iso) + plusDays * 86_400_000).toISOString();

/** The seed's "today": periods before this month are approved and posted. */
export const NOW = '2026-11-24T09:00:00.000Z';
