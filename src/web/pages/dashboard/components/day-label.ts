// The API's days are UTC dates (YYYY-MM-DD); shown as "3 Dec", in UTC so a day never shifts by one.
const short = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const long = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeZone: 'UTC' });

export const dayLabel = (day: string) => short.format(new Date(`${day}T00:00:00Z`));
export const longDayLabel = (day: string) => long.format(new Date(`${day}T00:00:00Z`));
