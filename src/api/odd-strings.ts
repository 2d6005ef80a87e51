// Every request's body, query string and parameters are searched for strings PostgreSQL cannot store
// (core/odd-strings.ts) before validation; the first refuses the request with its path. A batch
// route names its item array (`perItem`): there the one bad item is rejected by the handler with
// its reason and the rest of the batch goes on.
import { AppError } from '../core/errors.ts';
import { oddString } from '../core/odd-strings.ts';

export function refuseOddStrings(
  parts: { body: unknown; querystring: unknown; params: unknown },
  perItem?: string,
): void {
  for (const [name, value] of Object.entries(parts)) {
    const checked =
      name === 'body' && perItem && value && typeof value === 'object'
        ? { ...(value as Record<string, unknown>), [perItem]: undefined }
        : value;
    const hit = oddString(checked, name);
    if (hit)
      throw new AppError('invalid_request', `${hit.path}: ${hit.message}`, {
        details: [{ path: hit.path, message: hit.message }],
      });
  }
}
