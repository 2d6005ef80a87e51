// Turns schema validation errors into the details of our error body: where, and what was wrong, in
// words a person fixing the request can act on.
import type { ErrorDetail } from '../core/errors.ts';
import type { SchemaError } from './validator.ts';

// What a value of each format looks like, instead of the validator's 'must match format "email"'.
const formatWords: Record<string, string> = {
  email: 'must be an e-mail address, such as name@example.com',
  uuid: 'must be a record id (a UUID)',
  'date-time': 'must be a date and time, such as 2026-12-03T08:10:00Z',
  uri: 'must be a full address, such as https://example.com',
};

/** What was sent, quoted for a message and cut short. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * An enum is a union of literals (`anyOf` of `const`s, perhaps with `null`), and TypeBox reports it
 * as one "must be equal to constant" per value plus "must match a schema in anyOf". Each such union
 * becomes one error that lists the allowed values and quotes what was sent; its branch errors go.
 * Unions of objects (errors deeper than the union itself) are left as they are.
 */
function mergeEnums(all: readonly SchemaError[]): SchemaError[] {
  // A pure enum (literals and null only): every error of it at its place becomes one, whichever of
  // them TypeBox got to report.
  const worded = new Map<string, SchemaError>();
  const errors: SchemaError[] = [];
  for (const e of all) {
    if (!e.enumUnion) {
      errors.push(e);
      continue;
    }
    const key = `${e.instancePath} ${e.enumUnion.schemaPath}`;
    if (worded.has(key)) continue;
    const message = `must be one of ${e.enumUnion.values.join(', ')} — got ${shown(e.value)}`;
    const one = { ...e, keyword: 'worded', message };
    worded.set(key, one);
    errors.push(one);
  }
  // The union's own "must match a schema in anyOf", now said by the worded error.
  const said = (e: SchemaError) => e.keyword === 'anyOf' && worded.has(`${e.instancePath} ${e.schemaPath}`);
  const rest = errors.filter((e) => !said(e));
  return mergeMixed(rest);
}

/**
 * A union of literals and other types (`"last"` or a day of the month): one error naming the
 * literals and what the other branches want, built from the union's own error and its branches'.
 */
function mergeMixed(errors: readonly SchemaError[]): SchemaError[] {
  const unions = errors.filter(
    (u) =>
      u.keyword === 'anyOf' &&
      // the outermost union at its place: a nested one (Nullable(Literals)) is one of its branches
      !errors.some(
        (o) =>
          o !== u &&
          o.keyword === 'anyOf' &&
          o.instancePath === u.instancePath &&
          (u.schemaPath ?? '').startsWith(`${o.schemaPath}/anyOf/`),
      ),
  );
  const dropped = new Set<SchemaError>();
  const merged = new Map<SchemaError, SchemaError>();
  for (const union of unions) {
    const prefix = `${union.schemaPath}/anyOf/`;
    // The same schema path repeats for each item of an array: keep to this union's own place.
    const here = (e: SchemaError) =>
      e.instancePath === union.instancePath || e.instancePath.startsWith(`${union.instancePath}/`);
    const branchErrors = errors.filter((e) => (e.schemaPath ?? '').startsWith(prefix) && here(e));
    if (branchErrors.some((e) => e.instancePath !== union.instancePath)) continue;
    const branches = new Map<string, SchemaError[]>();
    for (const e of branchErrors) {
      const index = (e.schemaPath ?? '').slice(prefix.length).split('/')[0]!;
      branches.set(index, [...(branches.get(index) ?? []), e]);
    }
    const values: string[] = [];
    const others: string[] = [];
    for (const list of branches.values()) {
      const consts = list.flatMap((e) =>
        e.keyword === 'const'
          ? [e.params?.allowedValue]
          : e.keyword === 'enum'
            ? ((e.params?.allowedValues as unknown[]) ?? [])
            : [],
      );
      if (consts.length > 0) values.push(...consts.map(String));
      else if (list.every((e) => e.keyword === 'type' && e.params?.type === 'null')) values.push('null');
      else others.push((list[0]!.message ?? list[0]!.keyword).replace(/^must be /, ''));
    }
    if (values.every((v) => v === 'null')) continue;
    const alternatives = [...others, `one of ${values.join(', ')}`].join(' or ');
    branchErrors.forEach((e) => dropped.add(e));
    merged.set(union, {
      ...union,
      keyword: 'worded',
      message: `must be ${alternatives} — got ${shown(union.value)}`,
    });
  }
  return errors.filter((e) => !dropped.has(e)).map((e) => merged.get(e) ?? e);
}

export function describeValidation(part: string, errors: readonly SchemaError[]): ErrorDetail[] {
  // TypeBox reports an unknown field twice: as `additionalProperties` on the object (kept, it names
  // the field) and as a false schema on the field itself (dropped).
  const useful = mergeEnums(
    errors.filter(
      (e) =>
        !(
          e.keyword === 'boolean' &&
          e.instancePath !== '' &&
          /additionalProperties$/.test(e.schemaPath ?? '')
        ),
    ),
  );
  const details = useful.map((e) => {
    const path = part + e.instancePath;
    const params = e.params ?? {};
    switch (e.keyword) {
      case 'worded':
        return { path, message: e.message ?? '' };
      case 'enum': {
        const values = ((params.allowedValues as unknown[]) ?? []).map(String).join(', ');
        return { path, message: `must be one of ${values} — got ${shown(e.value)}` };
      }
      case 'const':
        return { path, message: `must be ${String(params.allowedValue)} — got ${shown(e.value)}` };
      case 'additionalProperties': {
        const names = (params.additionalProperties as string[] | undefined) ?? [
          String(params.additionalProperty),
        ];
        return {
          path,
          message: `unknown field${names.length > 1 ? 's' : ''} ${names.map((n) => `"${n}"`).join(', ')}`,
        };
      }
      case 'required': {
        const names = (params.requiredProperties as string[] | undefined) ?? [String(params.missingProperty)];
        return {
          path,
          message: `missing required field${names.length > 1 ? 's' : ''} ${names.map((n) => `"${n}"`).join(', ')}`,
        };
      }
      case 'format': {
        const words = formatWords[String(params.format)];
        return { path, message: words ?? e.message ?? e.keyword };
      }
      default:
        return { path, message: e.message ?? e.keyword };
    }
  });
  // anyOf/oneOf repeat their branches' errors; keep each distinct message once.
  return details.filter(
    (d, i) => details.findIndex((o) => o.path === d.path && o.message === d.message) === i,
  );
}

export function summarize(details: readonly ErrorDetail[]): string {
  const [first] = details;
  if (!first) return 'The request is not valid';
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  return `${first.path}: ${first.message}${more}`;
}
