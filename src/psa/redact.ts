// Removes secrets from what is kept of an exchange (headers, bodies) before it reaches a log, an
// error or the event log. Values are matched by name, and the connection's own secret values are
// replaced wherever they appear.

const secretNames =
  /authorization|secret|password|private|token|api[-_]?key|integrationcode|cookie|client_secret/i;

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k, secretNames.test(k) ? '[redacted]' : v]),
  );
}

/** Replace every occurrence of each secret value, and the values of secret-named JSON fields. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[redacted]');
  return out.replace(
    /("[^"]*(?:secret|password|private|token|api_?key|integrationcode)[^"]*"\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
    '$1"[redacted]"',
  );
}
