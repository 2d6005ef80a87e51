// Company auto-match: precision and recall on the labelled pairs, and how long suggesting takes
// against synthetic PSA company lists.
import { createMatcher, suggestCompanies } from '../src/core/company-match.ts';
import type { Candidate, MatchOrg } from '../src/core/company-match.ts';
import { loadPairs, scorePairs } from '../test/core/company-pairs.ts';
import { random } from './fixture.ts';

const threshold = 0.8;
const first = ['Contoso', 'Northwind', 'Fabrikam', 'Tailspin', 'Litware', 'Proseware', 'Woodgrove', 'Alpine'];
const second = ['Blue', 'Harbor', 'Summit', 'Cedar', 'Quantum', 'Riverside', 'Evergreen', 'Silverline'];
const trade = ['Plumbing', 'Dental', 'Legal', 'Logistics', 'Accounting', 'Roofing', 'Consulting', 'Medical'];
const tail = ['Ltd', 'Limited', 'Inc', 'LLC', 'GmbH', 'Pty Ltd', '', 'Group', '& Co', 'Services'];

function companies(n: number, seed: number): Candidate[] {
  const r = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const name = `${pick(first)} ${pick(second)}${i} ${pick(trade)} ${pick(tail)}`.trim();
    return {
      id: `${i}`,
      name,
      active: r() > 0.1,
      deleted: false,
      prospect: false,
      domains: [`c${i}.example.com`],
    };
  });
}

/** Organizations: half are a variant of a company's name (other case, suffix or a typo), half unknown. */
function orgs(list: Candidate[], n: number, seed: number): MatchOrg[] {
  const r = random(seed);
  return Array.from({ length: n }, (_, i) => {
    const c = list[Math.floor(r() * list.length)]!;
    if (i % 2 === 1) return { name: `Unknown ${i} Widgets`, domains: [] };
    const name = i % 4 === 0 ? c.name.toUpperCase() : c.name.replace(/o/, 'oo');
    return { name, domains: [] };
  });
}

const time = (f: () => void) => {
  const start = performance.now();
  f();
  return performance.now() - start;
};

export async function companyMatch(): Promise<{
  backend: string;
  rows: { backend: string; measure: string; value: number }[];
}> {
  const backend = 'core';
  const pairs = loadPairs();
  const s = scorePairs(pairs, threshold);

  const five = companies(5000, 1);
  const org = orgs(five, 1, 2)[0]!;
  suggestCompanies(org, five); // warm up the JIT
  const one: number[] = [];
  for (let i = 0; i < 20; i++) one.push(time(() => suggestCompanies(org, five)));
  one.sort((a, b) => a - b);

  const thousand = companies(1000, 3);
  const many = orgs(thousand, 1000, 4);
  const bulk = time(() => {
    const match = createMatcher(thousand);
    for (const o of many) match(o);
  });

  return {
    backend,
    rows: [
      { backend, measure: 'labelled pairs', value: pairs.length },
      { backend, measure: `precision at score >= ${threshold}`, value: +s.precision.toFixed(3) },
      { backend, measure: `recall at score >= ${threshold}`, value: +s.recall.toFixed(3) },
      { backend, measure: '1 org × 5,000 companies p50 (ms)', value: +one[10]!.toFixed(1) },
      { backend, measure: '1,000 orgs × 1,000 companies (ms)', value: Math.round(bulk) },
    ],
  };
}
