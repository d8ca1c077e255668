/**
 * Chromium: the highlight rules as the manifest's content-script CSS (`early-sheet.css`).
 *
 * Adding `::highlight()` rules to a document that is already laid out makes the browser restyle
 * every element once, on a large page the longest task our extension would cause, although none
 * of it runs our code (see docs/benchmark.md). Rules that are there before the page is parsed
 * cost nothing measurable: its elements are styled with them from the start. The browser puts
 * a content script's CSS into every page and frame before parsing, with no script of ours to
 * run and nothing the page can see or replace in its style sheets; the rules style nothing
 * until the content script registers a highlight of ours. They hold the default highlight style
 * on light pages as `:root::highlight()` rules, which Chromium's highlight inheritance passes
 * down to every element and shadow tree; for another style or a dark page, the painter adopts
 * a sheet of its own over them (content/paint/painter.ts). Firefox gives custom highlights no
 * inheritance, so its rules must be on every element and it has none of these.
 */
import type { ResolvedPublicFile, Wxt } from 'wxt';
import { EARLY_SCHEME, EARLY_STYLE, highlightCss } from '../content/paint/styles.ts';
import { entityIds } from './match-data-plugin.ts';

/** The file's path in the extension, as the manifest names it. */
export const EARLY_SHEET_FILE = 'early-sheet.css';

/** The rules of the default style and scheme for the highlighted entities, at the root. */
export function earlySheetCss(file?: string): string {
  return highlightCss(entityIds(file), EARLY_STYLE, 'root', EARLY_SCHEME);
}

/** `build:publicAssets`: writes the sheet into a Chromium build. */
export function addEarlySheet(wxt: Wxt, assets: ResolvedPublicFile[]): void {
  if (wxt.config.browser === 'firefox') return;
  assets.push({ relativeDest: EARLY_SHEET_FILE, contents: earlySheetCss() });
}
