/**
 * How old the data is, in words: "5 December 2025" and "12 months ago". A card that reads as
 * current when its data is a year old misleads (issue 17), so the card and the popup say both.
 * Pure: the caller passes today's date, so tests fix the clock.
 */

export interface DataAge {
  /** The as-of date as a reader writes it: "5 December 2025", "December 2025" or "2025". */
  date: string;
  /** "today", "3 days ago", "1 month ago", "5 months ago", "2 years ago". */
  ago: string;
}

/** Up to this many months the age is said in months ("13 months ago" is more exact than "1 year"). */
const MONTHS_UNTIL_YEARS = 24;

/** The parts of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date; missing parts are the first. */
function parts(iso: string): { y: number; m: number; d: number; precision: 1 | 2 | 3 } {
  const [y = 1970, m = 1, d = 1] = iso.split('-').map(Number);
  const precision = Math.min(3, iso.split('-').length) as 1 | 2 | 3;
  return { y, m, d, precision };
}

/**
 * The as-of date `iso` and its age on `today` (the reader's calendar day), in `language`, the
 * interface's (the caller's to know: core reads no browser API), so that a sentence does not
 * mix two languages; `month: 'short'` ("5 Dec 2025") where the line shares its row.
 */
export function dataAge(
  iso: string,
  today: Date,
  { language, month = 'long' }: { language: string; month?: 'long' | 'short' },
): DataAge {
  const { y, m, d, precision } = parts(iso);
  const at = new Date(Date.UTC(y, m - 1, d));
  const date = new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    year: 'numeric',
    ...(precision >= 2 ? { month } : {}),
    ...(precision === 3 ? { day: 'numeric' } : {}),
  }).format(at);

  // Calendar days in the reader's own time zone: "today" means their today.
  const now = { y: today.getFullYear(), m: today.getMonth() + 1, d: today.getDate() };
  const days = Math.round(
    (Date.UTC(now.y, now.m - 1, now.d) - at.getTime()) / (24 * 60 * 60 * 1000),
  );
  let months = (now.y - y) * 12 + (now.m - m);
  if (now.d < d) months -= 1;
  const rtf = new Intl.RelativeTimeFormat(language, { numeric: 'always' });
  let ago: string;
  // A date in the future (a clock set back) is as good as today.
  if (days <= 0) ago = new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(0, 'day');
  else if (months < 1) ago = rtf.format(-days, 'day');
  else if (months < MONTHS_UNTIL_YEARS) ago = rtf.format(-months, 'month');
  else ago = rtf.format(-Math.floor(months / 12), 'year');
  return { date, ago };
}
