// Dates as ConnectWise writes them: ISO-8601 UTC, `Z`, no fractional seconds (reference §2.1 [S11]).
export function cwDate(at: Date = new Date()): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
