import { describe, expect, it } from 'vitest';
import {
  autoLinkTarget,
  createMatcher,
  editDistance,
  isExactMatch,
  suggestCompanies,
  tokenSimilarity,
} from '../../src/core/company-match.ts';
import type { Candidate } from '../../src/core/company-match.ts';
import { nameKey, normalizeDomain } from '../../src/core/company-names.ts';
import { loadPairs, scorePairs } from './company-pairs.ts';

const company = (id: string, name: string, more: Partial<Candidate> = {}): Candidate => ({
  id,
  name,
  active: true,
  deleted: false,
  prospect: false,
  domains: [],
  ...more,
});

const top = (org: string, name: string, domains: string[] = [], companyDomains: string[] = []) =>
  suggestCompanies({ name: org, domains }, [company('c', name, { domains: companyDomains })])[0];

describe('name rules', () => {
  it.each([
    ['Contoso Ltd', 'Contoso Ltd', 'exact', 'Same name'],
    ['Company a LTD', 'Company a Ltd', 'normalized', 'Same name apart from upper/lower case'],
    ['Müller Bau', 'Mueller Bau', 'normalized', 'Same name apart from accents (ü = ue)'],
    ["O'Brien Plumbing", 'O’Brien Plumbing', 'normalized', 'Same name apart from punctuation and spacing'],
    ['Smith  Jones,', 'Smith Jones', 'normalized', 'Same name apart from punctuation and spacing'],
    ['Smith &amp; Jones', 'Smith & Jones', 'normalized', 'Same name apart from HTML codes such as "&amp;"'],
    ['Smith & Jones', 'Smith and Jones', 'normalized', 'Same name apart from "&" written as "and"'],
    ['Contoso Ltd', 'Contoso Limited', 'normalized', 'Same name once "Ltd" and "Limited" are treated alike'],
    ['Tailspin Toys', 'Tailspin Toys LLC', 'normalized', 'Same name once the legal form "LLC" is left out'],
    [
      'Proseware',
      'Proseware GmbH & Co. KG',
      'normalized',
      'Same name once the legal form "GmbH Co KG" is left out',
    ],
    ['Dupont S.A.', 'Dupont SA', 'normalized', 'Same name apart from punctuation and spacing'],
    ['Nordic Data A/S', 'Nordic Data', 'normalized', 'Same name once the legal form "AS" is left out'],
    [
      'Relecloud Intl',
      'Relecloud International',
      'normalized',
      'Same name once "intl" and "international" are treated alike',
    ],
    ['Acme Svcs', 'Acme Services', 'normalized', 'Same name once "svcs" and "services" are treated alike'],
    [
      'Dept of Health',
      'Department of Health',
      'normalized',
      'Same name once "dept" and "department" are treated alike',
    ],
    ['Northwind Traders', 'North Wind Traders', 'normalized', 'Same name once spacing is ignored'],
    ['The Garden Shop', 'Garden Shop', 'normalized', 'Same name once a leading "The" is left out'],
    [
      'Smith & Jones Ltd',
      'Smith and Jones Limited',
      'normalized',
      'Same name once "Ltd" and "Limited" are treated alike and "&" and "and" are treated alike',
    ],
    [
      'Müller GmbH',
      'Mueller',
      'normalized',
      'Same name once the legal form "GmbH" is left out and accents are ignored',
    ],
    ['The Phone Company', 'Phone Co', 'normalized', 'Same name once "Company" and "Co" are treated alike'],
  ])('%s ~ %s: %s', (org, name, method, reason) => {
    const s = top(org, name)!;
    expect(s.method).toBe(method);
    expect(s.reason).toBe(reason);
    expect(s.score).toBeGreaterThanOrEqual(0.9);
  });

  it('ranks exact above folded above legal forms above abbreviations', () => {
    const scores = [
      top('Contoso Ltd', 'Contoso Ltd'),
      top('Contoso Ltd', 'contoso ltd'),
      top('Contoso Ltd', 'Contoso Limited'),
      top('Contoso Intl', 'Contoso International'),
    ].map((s) => s!.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(scores).size).toBe(4);
  });

  it('another legal form is only a weak suggestion', () => {
    const s = top('Proseware GmbH', 'Proseware AG')!;
    expect(s.score).toBeLessThan(0.8);
    expect(s.reason).toBe('Same name but another legal form ("GmbH" vs "AG"): maybe a sister company');
    expect(s.safeToLink).toBe(false);
  });

  it('decorations such as "(Do Not Use)" are seen through but lower the score', () => {
    const s = top('Pinnacle Roofing', 'Pinnacle Roofing (Do Not Use)')!;
    expect(s.method).toBe('normalized');
    expect(s.reason).toMatch(/marked "\(Do Not Use\)"/);
    expect(s.score).toBeLessThan(0.9);
    expect(top('First Up', '[Prospect] First Up')!.reason).toMatch(/marked "\[Prospect\]"/);
    expect(top('Humongous', 'ZZ Humongous')!.method).toBe('normalized');
  });

  it('fuzzy: tolerates a typo in a long word, not a different short word', () => {
    const typo = top('Contosso Consulting', 'Contoso Consulting')!;
    expect(typo.method).toBe('fuzzy');
    expect(typo.reason).toBe('Similar name (96% alike): "contosso" looks like a typo of "contoso"');
    expect(top('Smith & Jones Ltd', 'Smith & Johns Ltd')?.score ?? 0).toBeLessThan(0.8);
    expect(top('ABC Plumbing', 'ABC Electrical')?.score ?? 0).toBeLessThan(0.8);
    expect(top('Northwind', 'Northwind Traders Holdings Group')!.reason).toMatch(
      /words in one name only: "traders", "holdings", "group"/,
    );
    expect(top('Studio 54', 'Studio 45')?.score ?? 0).toBeLessThan(0.8);
  });

  it('fuzzy: acronyms and short forms', () => {
    expect(top('IBM', 'International Business Machines')!.reason).toBe(
      '"IBM" matches the initials of "international business machines"',
    );
    expect(top('Acme Pharma', 'Acme Pharmaceuticals')!.score).toBeGreaterThanOrEqual(0.9);
  });
});

describe('names that say nothing', () => {
  it('never matches on an empty or decoration-only name', () => {
    for (const name of ['', '   ', '(Do Not Use)', '--']) expect(top(name, name)).toBeUndefined();
  });

  it('keeps letters of other scripts', () => {
    expect(top('株式会社テスト', '株式会社テスト')!.method).toBe('exact');
    expect(top('株式会社テスト', 'Contoso')).toBeUndefined();
    expect(top('ООО Ромашка', 'ооо ромашка')!.method).toBe('normalized');
  });
});

describe('domains', () => {
  it.each([
    ['https://www.contoso.com/about', 'contoso.com'],
    ['it@Contoso.com', 'contoso.com'],
    ['mail.contoso.co.uk', 'contoso.co.uk'],
    ['contoso.com.au:443', 'contoso.com.au'],
    ['contoso.onmicrosoft.com', 'contoso.onmicrosoft.com'],
    ['someone@gmail.com', null],
    ['not a domain', null],
  ])('%s → %s', (input, domain) => expect(normalizeDomain(input)).toBe(domain));

  it('a shared domain suggests a company whose name differs', () => {
    const s = top('CTSO client', 'Contoso Limited', ['it@contoso.com'], ['contoso.com'])!;
    expect(s.method).toBe('domain');
    expect(s.reason).toBe('Same e-mail or web domain contoso.com');
    expect(s.safeToLink).toBe(false);
  });

  it('a shared domain strengthens an equal name', () => {
    const s = top('Contoso Ltd', 'Contoso Limited', ['contoso.com'], ['www.contoso.com'])!;
    expect(s.method).toBe('normalized');
    expect(s.score).toBeGreaterThan(0.96);
    expect(s.reason).toMatch(/; also the same e-mail or web domain contoso.com$/);
  });

  it('mailbox providers and tenant sub-domains are not evidence', () => {
    expect(top('Jane Bakery', 'John Plumbing', ['jane@gmail.com'], ['gmail.com'])).toBeUndefined();
    expect(top('A', 'B', ['a.onmicrosoft.com'], ['b.onmicrosoft.com'])).toBeUndefined();
  });
});

describe('which companies are candidates', () => {
  const companies = [
    company('1', 'Contoso Ltd', { active: false }),
    company('2', 'Contoso Ltd', { deleted: true }),
    company('3', 'Contoso Ltd', { prospect: true }),
  ];
  it('skips inactive, deleted and prospect companies unless asked', () => {
    expect(suggestCompanies({ name: 'Contoso Ltd', domains: [] }, companies)).toEqual([]);
    const all = suggestCompanies({ name: 'Contoso Ltd', domains: [] }, companies, { includeInactive: true });
    expect(all.map((s) => s.companyId).sort()).toEqual(['1', '2', '3']);
  });

  it('keeps the best `limit`, best first', () => {
    const many = ['Contoso', 'Contoso Ltd', 'Contosso', 'Contoso Group', 'Other'].map((n, i) =>
      company(`${i}`, n),
    );
    const s = suggestCompanies({ name: 'Contoso Ltd', domains: [] }, many, { limit: 2 });
    expect(s.map((x) => x.companyName)).toEqual(['Contoso Ltd', 'Contoso']);
  });
});

describe('link exact matches automatically', () => {
  const match = (companies: Candidate[]) =>
    createMatcher(companies)({ name: 'Contoso Ltd', domains: ['contoso.com'] });

  it('links a single exact or normalized-equal name', () => {
    const s = match([company('1', 'Contoso Limited'), company('2', 'Fabrikam')]);
    expect(isExactMatch(s[0]!)).toBe(true);
    expect(autoLinkTarget(s)?.companyId).toBe('1');
  });

  it('never links when two candidates are equally good', () => {
    const s = match([company('1', 'Contoso Ltd'), company('2', 'Contoso Ltd')]);
    expect(s[0]!.score).toBe(s[1]!.score);
    expect(autoLinkTarget(s)).toBeUndefined();
  });

  it('never links when a second candidate also has an equal name', () => {
    const s = match([company('1', 'Contoso Ltd'), company('2', 'CONTOSO LIMITED')]);
    expect(s[0]!.companyId).toBe('1');
    expect(autoLinkTarget(s)).toBeUndefined();
  });

  it('never links fuzzy, domain, decorated or other-legal-form matches', () => {
    for (const name of ['Contosso Ltd', 'Contoso (old)', 'Contoso Inc']) {
      expect(autoLinkTarget(match([company('1', name)]))).toBeUndefined();
    }
    expect(autoLinkTarget(match([company('1', 'Zeta', { domains: ['contoso.com'] })]))).toBeUndefined();
  });
});

describe('building blocks', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['contoso', 'contsoo', 1],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('edit distance %s / %s = %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));

  it('caps the edit distance early', () => expect(editDistance('abcdefgh', 'zzzzzzzz', 1)).toBe(2));

  it('word similarity', () => {
    expect(tokenSimilarity('jones', 'johns')).toBeNull();
    expect(tokenSimilarity('54', '45')).toBeNull();
    expect(tokenSimilarity('supply', 'supplies')?.sim).toBe(0.95);
    expect(tokenSimilarity('bellows', 'fellows')).toBeNull();
  });

  it('name keys keep what they folded away', () => {
    const k = nameKey('The Müller & Sons Intl Pty. Ltd. (Do Not Use)');
    expect(k.core).toBe('mueller and sons international');
    expect(k.legalForms).toEqual(['pty', 'ltd']);
    expect(k.decorations).toEqual(['(Do Not Use)']);
  });
});

describe('labelled name pairs', () => {
  const pairs = loadPairs();
  const threshold = 0.8;

  it('holds at least 200 awkward pairs, both kinds', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(200);
    expect(pairs.filter((p) => !p.same).length).toBeGreaterThanOrEqual(50);
  });

  it('precision and recall at the decision threshold', () => {
    const s = scorePairs(pairs, threshold);
    console.log(
      `company match on ${pairs.length} labelled pairs at score >= ${threshold}: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}`,
    );
    expect(s.precision).toBeGreaterThanOrEqual(0.97);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
  });
});
