// Query-string parameters as Halo's ASP.NET binder reads them (reference §2): names match
// case-insensitively, booleans are `true`/`false`, integers are integers, "array of int" parameters
// are comma-separated strings. A value that does not bind is a 400 model-state error
// (`{"page_no":["The value 'x' is not valid."]}`).
import { modelStateError } from './errors.ts';

export class Query {
  readonly #params = new Map<string, string>();

  constructor(search: URLSearchParams) {
    for (const [k, v] of search) if (!this.#params.has(k.toLowerCase())) this.#params.set(k.toLowerCase(), v);
  }

  has(name: string): boolean {
    return this.#params.has(name.toLowerCase());
  }

  str(name: string): string | undefined {
    const v = this.#params.get(name.toLowerCase());
    return v === undefined || v === '' ? undefined : v;
  }

  bool(name: string): boolean | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    if (/^true$/i.test(v)) return true;
    if (/^false$/i.test(v)) return false;
    throw invalid(name, v);
  }

  int(name: string): number | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v.trim())) throw invalid(name, v);
    return Number.parseInt(v, 10);
  }

  /** An "(array of int)" parameter: `1,2,3`. */
  ints(name: string): number[] | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    const parts = v
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    if (parts.some((p) => !/^-?\d+$/.test(p))) throw invalid(name, v);
    return parts.map((p) => Number.parseInt(p, 10));
  }
}

function invalid(name: string, value: string): Error {
  return modelStateError({ [name]: [`The value '${value}' is not valid.`] });
}
