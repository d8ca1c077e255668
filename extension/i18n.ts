/**
 * The interface's words and formats. Words come from `locales/*.yml` through WXT's typed i18n
 * (`i18n.t`, which reads the browser's `_locales`, so the language is the browser's); dates and
 * numbers go through `Intl` in that same language, so "3 of 1,204" and "1.204" agree with the
 * words around them. The dataset's texts stay in English.
 */
import { createI18n } from '@wxt-dev/i18n';
import { browser } from 'wxt/browser';
// The generated key list, by path rather than WXT's `#i18n` alias: the alias exists only once
// `wxt prepare` has run, and `wxt prepare` itself loads the entrypoints that import this file.
import type { GeneratedI18nStructure } from '../.wxt/i18n/structure';

export type { GeneratedI18nStructure };

export const i18n = createI18n<GeneratedI18nStructure>();

/** The browser's interface language ("de", "ja", "en-US"), which `i18n.t` also follows. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/** A count as the interface's language writes numbers ("1,204", "1.204", "1 204"). */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(n);
}

/**
 * A dataset date (YYYY, YYYY-MM or YYYY-MM-DD) in the interface's language, as precise as it
 * is written: "2025", "December 2025", "5 December 2025" ("Dec 5, 2025" with `month: 'short'`).
 * Read as a calendar date, in UTC, so no time zone moves it a day.
 */
export function formatDataDate(date: string, month: 'long' | 'short' = 'long'): string {
  const [y, m, d] = date.split('-').map(Number);
  const when = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (m !== undefined) options.month = month;
  if (d !== undefined) options.day = 'numeric';
  return new Intl.DateTimeFormat(uiLanguage(), options).format(when);
}
