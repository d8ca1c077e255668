import { describe, expect, it } from 'vitest';
import { dataAge } from '../../core/data-age';

/** The tests' expectations are British English; the card passes the interface's language. */
const GB = { language: 'en-GB' };

/** A local calendar day, as the reader's clock gives it. */
const day = (y: number, m: number, d: number) => new Date(y, m - 1, d, 15, 30);

describe('dataAge', () => {
  it('writes the date out and says how many months ago it was', () => {
    expect(dataAge('2026-06-30', day(2026, 12, 2), GB)).toEqual({
      date: '30 June 2026',
      ago: '5 months ago',
    });
    expect(dataAge('2025-12-05', day(2026, 12, 2), GB).ago).toBe('11 months ago');
    expect(dataAge('2025-12-02', day(2026, 12, 2), GB).ago).toBe('12 months ago');
  });

  it('counts a month only once it is complete', () => {
    expect(dataAge('2026-11-02', day(2026, 12, 2), GB).ago).toBe('1 month ago');
    expect(dataAge('2026-11-03', day(2026, 12, 2), GB).ago).toBe('29 days ago');
    expect(dataAge('2026-01-31', day(2026, 3, 1), GB).ago).toBe('1 month ago');
  });

  it('says today on the day itself, and days before a month', () => {
    expect(dataAge('2026-12-02', day(2026, 12, 2), GB).ago).toBe('today');
    expect(dataAge('2026-12-01', day(2026, 12, 2), GB).ago).toBe('1 day ago');
    // A clock set back before the data's date is no negative age.
    expect(dataAge('2026-12-05', day(2026, 12, 2), GB).ago).toBe('today');
  });

  it('says years from two years on', () => {
    expect(dataAge('2025-01-15', day(2026, 12, 2), GB).ago).toBe('22 months ago');
    expect(dataAge('2024-11-15', day(2026, 12, 2), GB).ago).toBe('2 years ago');
    // Whole years: two and a half years are still two.
    expect(dataAge('2024-05-15', day(2026, 12, 2), GB).ago).toBe('2 years ago');
  });

  it('counts days on the reader’s own calendar, not the UTC one', () => {
    const tz = process.env.TZ;
    // UTC+14: at noon UTC on 1 June it is already 2 June there.
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      expect(dataAge('2026-06-01', new Date('2026-06-01T12:00:00Z'), GB).ago).toBe('1 day ago');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('writes a month or a year alone as precisely as the data gives it', () => {
    expect(dataAge('2025-12', day(2026, 12, 2), GB)).toEqual({
      date: 'December 2025',
      ago: '12 months ago',
    });
    expect(dataAge('2024', day(2026, 12, 2), GB).date).toBe('2024');
    expect(dataAge('2025-12-05', day(2026, 12, 2), { ...GB, month: 'short' }).date).toBe(
      '5 Dec 2025',
    );
  });

  it('writes both in the language it is given', () => {
    expect(dataAge('2026-06-30', day(2026, 12, 2), { language: 'de' })).toEqual({
      date: '30. Juni 2026',
      ago: 'vor 5 Monaten',
    });
    expect(dataAge('2026-06-30', day(2026, 12, 2), { language: 'ja' }).date).toBe('2026年6月30日');
  });
});
