// Times as people read them: "3 minutes ago (3 Dec 2026, 08:10)".
const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export function formatWhen(iso: string, now = Date.now()): string {
  const at = new Date(iso);
  const seconds = Math.round((at.getTime() - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
  return `${relative.format(Math.round(seconds / size), unit)} (${absolute.format(at)})`;
}
