/**
 * What the browser can draw that feature tests cannot tell. Firefox paints the
 * `text-decoration` of a `::highlight()` from version 146 (mdn/browser-compat-data#28782); the
 * ESR 140 that the add-on still supports draws fills only, so an underline style would paint
 * nothing there.
 */

/** The first Firefox that draws a highlight's underline. */
export const FIREFOX_HIGHLIGHT_UNDERLINES = 146;

/** Whether `::highlight()` underlines are drawn by the browser of `userAgent`. */
export function drawsHighlightUnderlines(userAgent: string): boolean {
  const firefox = /\bFirefox\/(\d+)/.exec(userAgent);
  return !firefox || Number(firefox[1]) >= FIREFOX_HIGHLIGHT_UNDERLINES;
}
