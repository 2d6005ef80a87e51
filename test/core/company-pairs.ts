// The labelled name pairs and how well the match decides them, shared by the test and the benchmark.
import { readFileSync } from 'node:fs';
import { suggestCompanies } from '../../src/core/company-match.ts';

export interface LabelledPair {
  org: { name: string; domains?: string[] };
  company: { name: string; domains?: string[] };
  same: boolean;
}

export function loadPairs(): LabelledPair[] {
  const url = new URL('./fixtures/company-name-pairs.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as LabelledPair[];
}

export interface PairScore {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: LabelledPair[];
  falseNegatives: LabelledPair[];
}

/** A pair is predicted "same" when the top suggestion is its company with a score of at least `threshold`. */
export function scorePairs(pairs: LabelledPair[], threshold: number): PairScore {
  let tp = 0;
  const falsePositives: LabelledPair[] = [];
  const falseNegatives: LabelledPair[] = [];
  for (const pair of pairs) {
    const company = { id: 'c', active: true, deleted: false, prospect: false, domains: [], ...pair.company };
    const [top] = suggestCompanies({ domains: [], ...pair.org }, [company]);
    const predicted = top !== undefined && top.companyId === 'c' && top.score >= threshold;
    if (predicted && pair.same) tp++;
    else if (predicted) falsePositives.push(pair);
    else if (pair.same) falseNegatives.push(pair);
  }
  const positives = tp + falsePositives.length;
  return {
    precision: positives === 0 ? 1 : tp / positives,
    recall: tp + falseNegatives.length === 0 ? 1 : tp / (tp + falseNegatives.length),
    truePositives: tp,
    falsePositives,
    falseNegatives,
  };
}
