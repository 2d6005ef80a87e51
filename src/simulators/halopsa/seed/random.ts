// Deterministic randomness and dates for the seed generator: the same seed file every run.
export let seedState = 20240903;
export function rnd(): number {
  seedState = (seedState + 0x6d2b79f5) | 0;
  let t = seedState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
export const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
export const one = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
export let guidN = 0;
export function guid(): string {
  guidN += 1;
  const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
  return `${hex(0x5eed0000 + guidN, 8)}-${hex(int(0, 0xffff), 4)}-4${hex(int(0, 0xfff), 3)}-a${hex(int(0, 0xfff), 3)}-${hex(int(0, 0xffffff), 6)}${hex(int(0, 0xffffff), 6)}`;
}
export const BASE = Date.UTC(2026, 0, 5, 9, 0, 0);
export const at = (daysAgo: number, hour = 9) =>
  new Date(BASE - daysAgo * 86_400_000 + hour * 3_600_000).toISOString().replace(/Z$/, '');
export const NULL_DATE = '1899-12-30T00:00:00';
