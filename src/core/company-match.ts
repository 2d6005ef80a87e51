// Auto-match: suggests PSA companies for an organization, each with a score in [0, 1] and the reason
// in words. Rules, strongest first: exact name, the same name once case, punctuation, accents,
// "&"/"and", legal forms and abbreviations are folded, the same e-mail or web domain, then a fuzzy
// token similarity that tolerates typos but not a different word.
import { nameKey, normalizeDomain, weakWords } from './company-names.ts';
import type { NameKey } from './company-names.ts';

export interface MatchOrg {
  name: string;
  domains: string[];
}

/** The part of a PSA company the match reads. */
export interface Candidate {
  id: string;
  name: string;
  active: boolean;
  deleted: boolean;
  prospect: boolean;
  domains: string[];
}

export type MatchMethod = 'exact' | 'normalized' | 'domain' | 'fuzzy';

export interface Suggestion {
  companyId: string;
  companyName: string;
  score: number;
  method: MatchMethod;
  reason: string;
  /** Safe for "link exact matches automatically": an unambiguous exact or normalized-equal name. */
  safeToLink: boolean;
}

export interface MatchOptions {
  /** Also suggest inactive, deleted and prospect companies. */
  includeInactive?: boolean;
  /** At most this many suggestions, best first (default 5). */
  limit?: number;
  /** Leave out suggestions scoring below this (default 0.5). */
  minScore?: number;
}

interface Prepared {
  raw: string;
  key: NameKey;
  compact: string;
  /** All folded words, legal forms included, for acronyms ("Broken Hill Proprietary" → BHP). */
  words: string[];
  domains: Set<string>;
}

interface NameResult {
  score: number;
  method: MatchMethod;
  reason: string;
  /** Equal names, but not safe to link without a look (decorated, another legal form). */
  caution: boolean;
}

/** Scores of the rules; equal names always outrank a shared domain, which outranks fuzzy ones. */
export const ruleScores = {
  exact: 1,
  folded: 0.98,
  legalForm: 0.96,
  abbreviation: 0.94,
  otherLegalForm: 0.7,
  domain: 0.9,
  acronym: 0.8,
  decoratedFactor: 0.9,
} as const;

/** Lowest score of an equal name that "link exact matches automatically" may act on. */
export const autoLinkFloor = 0.9;

function prepare(name: string, domains: string[]): Prepared {
  const key = nameKey(name);
  const found = domains.map(normalizeDomain).filter((d): d is string => d !== null);
  const words = key.folded.split(' ');
  return { raw: name.trim(), key, compact: key.core.replace(/ /g, ''), words, domains: new Set(found) };
}

const q = (s: string) => `"${s}"`;

const legalSpelling: Record<string, string> = {
  gmbh: 'GmbH',
  mbh: 'mbH',
  plc: 'plc',
  kgaa: 'KGaA',
  spzoo: 'Sp. z o.o.',
};
/** Legal forms as partners write them: Ltd, Limited, GmbH, LLC. */
const legalWord = (w: string) =>
  legalSpelling[w] ??
  (w.length <= 3 && !['ltd', 'inc', 'co', 'pty', 'cie', 'cia'].includes(w)
    ? w.toUpperCase()
    : w[0]!.toUpperCase() + w.slice(1));
const legalWords = (k: NameKey) => k.legalWords.map(legalWord).join(' ');

function foldedReason(a: Prepared, b: Prepared): string {
  if (a.raw.toLowerCase() === b.raw.toLowerCase()) return 'Same name apart from upper/lower case';
  const parts: string[] = [];
  if (a.key.accents || b.key.accents) parts.push('accents (ü = ue)');
  if (/&amp;|&#\d+;/i.test(a.raw + b.raw)) parts.push('HTML codes such as "&amp;"');
  if (a.key.ampersand !== b.key.ampersand) parts.push('"&" written as "and"');
  if (parts.length === 0) parts.push('punctuation and spacing');
  return `Same name apart from ${parts.join(', ')}`;
}

/** Same core name: explains which legal forms and abbreviations were treated alike. */
function coreEqual(a: Prepared, b: Prepared): NameResult {
  const fa = new Set(a.key.legalForms);
  const fb = new Set(b.key.legalForms);
  if (fa.size > 0 && fb.size > 0 && ![...fa].some((f) => fb.has(f))) {
    return {
      score: ruleScores.otherLegalForm,
      method: 'normalized',
      reason: `Same name but another legal form (${q(legalWords(a.key))} vs ${q(legalWords(b.key))}): maybe a sister company`,
      caution: true,
    };
  }
  const parts: string[] = [];
  let score: number = ruleScores.legalForm;
  const wa = legalWords(a.key);
  const wb = legalWords(b.key);
  if (wa !== wb) {
    if (wa && wb) parts.push(`${q(wa)} and ${q(wb)} are treated alike`);
    else parts.push(`the legal form ${q(wa || wb)} is left out`);
  }
  const seen = new Set<string>();
  for (const [short, long] of [...a.key.expansions, ...b.key.expansions]) {
    const inA = a.key.expansions.some(([s]) => s === short);
    const inB = b.key.expansions.some(([s]) => s === short);
    if (inA && inB) continue; // the same abbreviation on both sides explains nothing
    if (seen.has(short)) continue;
    seen.add(short);
    parts.push(`${q(short)} and ${q(long)} are treated alike`);
    score = ruleScores.abbreviation;
  }
  const and = a.key.coreTokens.includes('and') && b.key.coreTokens.includes('and');
  if (and && a.key.ampersand !== b.key.ampersand) parts.push('"&" and "and" are treated alike');
  if (a.key.accents || b.key.accents) parts.push('accents are ignored');
  if (a.key.core !== b.key.core) parts.push('spacing is ignored');
  if (parts.length === 0 && (a.key.folded.startsWith('the ') || b.key.folded.startsWith('the '))) {
    parts.push('a leading "The" is left out');
  }
  if (parts.length === 0)
    return { score: ruleScores.folded, method: 'normalized', reason: foldedReason(a, b), caution: false };
  return { score, method: 'normalized', reason: `Same name once ${parts.join(' and ')}`, caution: false };
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), capped at max + 1. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

type TokenLink = { sim: number; note: string | null };

/**
 * How alike two words are. Numbers must be equal; short words must be equal (Jones ≠ Johns), longer
 * ones may carry one typo, very long ones two.
 */
export function tokenSimilarity(a: string, b: string): TokenLink | null {
  if (a === b) return { sim: 1, note: null };
  if (/\d/.test(a) || /\d/.test(b)) return null;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && plural(short, long)) return { sim: 0.95, note: null };
  if (short.length >= 6 && long.length - short.length <= 2 && long.startsWith(short)) {
    return { sim: 0.9, note: `${q(short)} read as ${q(long)}` };
  }
  if (short.length >= 3 && long.length >= 2 * short.length && long.startsWith(short)) {
    return { sim: 0.85, note: `${q(short)} read as short for ${q(long)}` };
  }
  // A typo rarely hits the first letter, and one letter in a short word is often another word.
  if (a[0] !== b[0]) return null;
  const allowed = short.length >= 10 ? 2 : long.length >= 6 && short.length >= 5 ? 1 : 0;
  if (allowed === 0) return null;
  const d = editDistance(a, b, allowed);
  if (d > allowed) return null;
  return { sim: d === 1 ? 0.9 : 0.8, note: `${q(a)} looks like a typo of ${q(b)}` };
}

const plural = (short: string, long: string) =>
  long === `${short}s` ||
  long === `${short}es` ||
  (short.endsWith('y') && long === `${short.slice(0, -1)}ies`);

const weight = (t: string) => t.length * (weakWords.has(t) ? 0.2 : 1);

/** A word on each side left unmatched is a different word in the same place: "Blue" vs "Red". */
export const substitutionFactor = 0.7;

/** Token alignment: best one-to-one word pairs, weighted by length; unmatched words cost. */
function fuzzy(a: Prepared, b: Prepared): NameResult | null {
  const ta = a.key.coreTokens;
  const tb = b.key.coreTokens;
  const pairs: { i: number; j: number; link: TokenLink }[] = [];
  for (let i = 0; i < ta.length; i++) {
    for (let j = 0; j < tb.length; j++) {
      const link = tokenSimilarity(ta[i]!, tb[j]!);
      if (link) pairs.push({ i, j, link });
    }
  }
  const acronym = acronymMatch(ta, b.words) ?? acronymMatch(tb, a.words);
  if (pairs.length === 0) {
    return acronym ? { score: ruleScores.acronym, method: 'fuzzy', reason: acronym, caution: true } : null;
  }
  pairs.sort((x, y) => y.link.sim - x.link.sim);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let matched = 0;
  const notes: string[] = [];
  for (const p of pairs) {
    if (usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    matched += p.link.sim * (weight(ta[p.i]!) + weight(tb[p.j]!));
    if (p.link.note) notes.push(p.link.note);
  }
  const total = ta.reduce((s, t) => s + weight(t), 0) + tb.reduce((s, t) => s + weight(t), 0);
  let score = total === 0 ? 0 : matched / total;
  if (acronym && ruleScores.acronym > score) {
    return { score: ruleScores.acronym, method: 'fuzzy', reason: acronym, caution: true };
  }
  const onlyA = ta.filter((_, i) => !usedA.has(i));
  const onlyB = tb.filter((_, j) => !usedB.has(j));
  if (onlyA.length > 0 && onlyB.length > 0) score *= substitutionFactor;
  const extra = [...onlyA, ...onlyB];
  if (extra.length > 0) notes.push(`words in one name only: ${extra.map(q).join(', ')}`);
  score = Math.round(score * 1000) / 1000;
  const detail = notes.length > 0 ? `: ${notes.join('; ')}` : '';
  return {
    score,
    method: 'fuzzy',
    reason: `Similar name (${Math.round(score * 100)}% alike)${detail}`,
    caution: true,
  };
}

/** "IBM" against "International Business Machines". */
function acronymMatch(one: string[], many: string[]): string | null {
  if (one.length !== 1 || many.length < 2) return null;
  const word = one[0]!;
  if (!/^[a-z]{2,5}$/.test(word)) return null;
  const initials = many.filter((t) => t !== 'and' && t !== 'of' && t !== 'the').map((t) => t[0]);
  if (initials.join('') !== word) return null;
  return `${q(word.toUpperCase())} matches the initials of ${q(many.join(' '))}`;
}

function compareNames(a: Prepared, b: Prepared): NameResult | null {
  let result: NameResult | null;
  // A name of only punctuation or decorations says nothing.
  if (a.key.folded === '' || b.key.folded === '') return null;
  if (a.raw === b.raw)
    return { score: ruleScores.exact, method: 'exact', reason: 'Same name', caution: false };
  if (a.key.folded === b.key.folded) {
    result = { score: ruleScores.folded, method: 'normalized', reason: foldedReason(a, b), caution: false };
  } else if (a.key.core === b.key.core || a.compact === b.compact) {
    result = coreEqual(a, b);
  } else {
    return fuzzy(a, b);
  }
  const decorations = [...a.key.decorations, ...b.key.decorations];
  if (decorations.length === 0) return result;
  return {
    score: Math.round(result.score * ruleScores.decoratedFactor * 1000) / 1000,
    method: result.method,
    reason: `${result.reason}, but the name is marked ${decorations.map(q).join(', ')}`,
    caution: true,
  };
}

function sharedDomain(a: Prepared, b: Prepared): string | null {
  for (const d of a.domains) if (b.domains.has(d)) return d;
  return null;
}

function compare(org: Prepared, company: Prepared): NameResult | null {
  const name = compareNames(org, company);
  const domain = sharedDomain(org, company);
  if (domain === null) return name;
  const nameScore = name?.score ?? 0;
  if (name && nameScore >= ruleScores.domain) {
    const score = Math.round((nameScore + (1 - nameScore) * 0.5) * 1000) / 1000;
    return { ...name, score, reason: `${name.reason}; also the same e-mail or web domain ${domain}` };
  }
  const score = Math.round((ruleScores.domain + 0.08 * nameScore) * 1000) / 1000;
  const alike = nameScore > 0 ? `; names ${Math.round(nameScore * 100)}% alike` : '';
  return { score, method: 'domain', reason: `Same e-mail or web domain ${domain}${alike}`, caution: true };
}

/** Prepares the companies once, for matching many organizations against them. */
export function createMatcher(
  companies: Candidate[],
  opts: MatchOptions = {},
): (org: MatchOrg) => Suggestion[] {
  const limit = opts.limit ?? 5;
  const minScore = opts.minScore ?? 0.5;
  const prepared = companies
    .filter((c) => opts.includeInactive || (c.active && !c.deleted && !c.prospect))
    .map((c) => ({ company: c, p: prepare(c.name, c.domains) }));
  return (org) => {
    const o = prepare(org.name, org.domains);
    const found: (Suggestion & { caution: boolean })[] = [];
    for (const { company, p } of prepared) {
      const r = compare(o, p);
      if (!r || r.score < minScore) continue;
      found.push({ companyId: company.id, companyName: company.name, ...r, safeToLink: false });
    }
    found.sort((x, y) => y.score - x.score || x.companyName.localeCompare(y.companyName));
    markSafe(found);
    return found.slice(0, limit).map(({ caution: _, ...s }) => s);
  };
}

/**
 * Only an equal name with no rival may link by itself: a second equal name, or any candidate
 * scoring as high, makes the top one a question for the partner.
 */
function markSafe(sorted: (Suggestion & { caution: boolean })[]): void {
  const top = sorted[0];
  if (!top || top.caution || (top.method !== 'exact' && top.method !== 'normalized')) return;
  if (top.score < autoLinkFloor) return;
  const rivals = sorted.filter(
    (s) =>
      s !== top &&
      (s.score >= top.score ||
        ((s.method === 'exact' || s.method === 'normalized') && s.score >= autoLinkFloor)),
  );
  top.safeToLink = rivals.length === 0;
}

/** Suggests PSA companies for one organization, best first. */
export function suggestCompanies(
  org: MatchOrg,
  companies: Candidate[],
  opts: MatchOptions = {},
): Suggestion[] {
  return createMatcher(companies, opts)(org);
}

/** Whether "link exact matches automatically" may link this suggestion without asking. */
export function isExactMatch(s: Suggestion): boolean {
  return s.safeToLink;
}

/** The suggestion to link automatically, if any. */
export function autoLinkTarget(suggestions: Suggestion[]): Suggestion | undefined {
  return suggestions.find((s) => s.safeToLink);
}
