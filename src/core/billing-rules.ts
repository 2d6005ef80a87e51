// From the vendor's usage to the quantity a PSA billing line should hold: the rules of one plan
// link (connection × plan), overridable per organization link, applied in a fixed order —
// multiplier, less included, rounding to a step, minimum. Pure: no I/O, no clock.

export const roundings = ['up', 'nearest', 'down'] as const;
export type Rounding = (typeof roundings)[number];

export interface BillingRules {
  /** Subtracted from the usage before billing (ConnectWise's "Less Included", "150 GB included"). */
  includedQuantity: number;
  rounding: Rounding;
  /** Round to multiples of this (e.g. blocks of 50 GB); 1 = whole units. */
  step: number;
  /** Never bill less than this (after rounding). */
  minimum: number;
  /** "Bill 1 per 5 devices" is 0.2 with rounding up; unit conversions are the vendor's job. */
  multiplier: number;
  /** Written on the line when set; left as the PSA has it when null. */
  unitPrice: number | null;
  unitCost: number | null;
  /** e.g. `{plan} — {quantity} {unit} as of {date}`; null leaves the line's description alone. */
  descriptionTemplate: string | null;
}

export const defaultBillingRules: BillingRules = {
  includedQuantity: 0,
  rounding: 'up',
  step: 1,
  minimum: 0,
  multiplier: 1,
  unitPrice: null,
  unitCost: null,
  descriptionTemplate: null,
};

/** The placeholders a description template may use. */
export const descriptionPlaceholders = ['plan', 'quantity', 'unit', 'date', 'usage'] as const;

/** Quantities are kept to 3 decimals (the Source API's precision); this removes float noise. */
export const toThousandths = (n: number): number => Math.round(n * 1000) / 1000;

/** Plan-link rules with an organization link's overrides on top (a field set there wins). */
export function effectiveRules(
  planLink: Partial<BillingRules> | undefined,
  override: Partial<BillingRules> | undefined,
): BillingRules {
  return { ...defaultBillingRules, ...definedOnly(planLink), ...definedOnly(override) };
}

function definedOnly(r: Partial<BillingRules> | undefined): Partial<BillingRules> {
  if (!r) return {};
  return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as Partial<BillingRules>;
}

/** The quantity to bill for `usage` under `rules`. */
export function billedQuantity(usage: number, rules: BillingRules): number {
  const net = Math.max(0, usage * rules.multiplier - rules.includedQuantity);
  const rounded = roundTo(net, rules.step, rules.rounding);
  return toThousandths(Math.max(rounded, rules.minimum));
}

function roundTo(n: number, step: number, how: Rounding): number {
  if (!(step > 0)) return n;
  // The tolerance keeps float noise (0.1 + 0.2) from pushing a whole number of steps over.
  const units = n / step;
  const whole =
    how === 'up' ? Math.ceil(units - 1e-9) : how === 'down' ? Math.floor(units + 1e-9) : Math.round(units);
  return toThousandths(whole * step);
}

/** Problems with a set of rules, each with the field it concerns; empty when they are fine. */
export function ruleProblems(r: Partial<BillingRules>): { field: keyof BillingRules; message: string }[] {
  const out: { field: keyof BillingRules; message: string }[] = [];
  const nonNegative = ['includedQuantity', 'minimum', 'unitPrice', 'unitCost'] as const;
  for (const f of nonNegative) {
    const v = r[f];
    if (v !== undefined && v !== null && !(Number.isFinite(v) && v >= 0))
      out.push({ field: f, message: 'must be a number of zero or more' });
  }
  if (r.step !== undefined && !(Number.isFinite(r.step) && r.step > 0))
    out.push({ field: 'step', message: 'must be a number above zero' });
  if (r.multiplier !== undefined && !(Number.isFinite(r.multiplier) && r.multiplier > 0))
    out.push({ field: 'multiplier', message: 'must be a number above zero' });
  if (r.descriptionTemplate) {
    for (const m of r.descriptionTemplate.matchAll(/\{([^{}]*)\}/g)) {
      if (!(descriptionPlaceholders as readonly string[]).includes(m[1]!))
        out.push({
          field: 'descriptionTemplate',
          message: `unknown placeholder {${m[1]}}: use ${descriptionPlaceholders.map((p) => `{${p}}`).join(', ')}`,
        });
    }
  }
  return out;
}

/** The invoice description for a line, or null when the rules leave it alone. */
export function lineDescription(
  rules: BillingRules,
  v: { plan: string; unit: string | null; quantity: number; usage: number; asOf: Date },
): string | null {
  if (!rules.descriptionTemplate) return null;
  const values: Record<string, string> = {
    plan: v.plan,
    quantity: String(v.quantity),
    unit: v.unit ?? '',
    usage: String(v.usage),
    date: v.asOf.toISOString().slice(0, 10),
  };
  return rules.descriptionTemplate
    .replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all)
    .replace(/\s+/g, ' ')
    .trim();
}
