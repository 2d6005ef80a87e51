// The hub names the field of a refusal in each detail's path (body/siteUrl, body/credentials/x):
// field errors for a form, keyed by the last path segment, or by the path after `prefix` where names
// nest (body/fields/conditions/x/boardId). What no field claims stays in the message.
import { isApiError } from '../client/api-error.ts';

export function fieldErrors(error: unknown, prefix?: string): Record<string, string> {
  if (!isApiError(error)) return {};
  const out: Record<string, string> = {};
  for (const d of error.details) {
    const name = prefix
      ? d.path?.startsWith(prefix)
        ? d.path.slice(prefix.length)
        : undefined
      : d.path?.split('/').pop();
    if (name && !out[name]) out[name] = d.message;
  }
  return out;
}
