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

export function describeValidation(part: string, errors: readonly SchemaError[]): ErrorDetail[] {
  // TypeBox reports an unknown field twice: as `additionalProperties` on the object (kept, it names
  // the field) and as a false schema on the field itself (dropped).
  const useful = errors.filter(
    (e) =>
      !(e.keyword === 'boolean' && e.instancePath !== '' && /additionalProperties$/.test(e.schemaPath ?? '')),
  );
  const details = useful.map((e) => {
    const path = part + e.instancePath;
    const params = e.params ?? {};
    switch (e.keyword) {
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
