/**
 * The highlight rules adopted at document start (Chromium).
 *
 * Adding `::highlight()` rules to a document that is already laid out makes the browser
 * restyle every element once, on a large page the longest task our extension would cause,
 * although none of it runs our code (see docs/benchmark.md). A sheet of
 * `:root::highlight()` rules adopted before the page is parsed costs nothing measurable (its
 * elements are styled with the rules from the start), so a tiny content script adopts it at
 * `document_start`, for the default highlight style, and the painter uses that same sheet
 * later. It styles nothing until a highlight of ours is registered. The content scripts of an
 * extension share their isolated world, where the sheet is left for the painter (never on the
 * page's own `window`).
 */
import { EARLY_STYLE, highlightCss } from './styles';

const KEY = '__rivalryLensEarlySheet';

type Shared = { [KEY]?: CSSStyleSheet };

/** Adopts the rules for `entities` into `doc` and leaves the sheet for `earlySheet()`. */
export function adoptEarlySheet(doc: Document, entities: readonly string[]): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(highlightCss(entities, EARLY_STYLE, 'root'));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  (globalThis as Shared)[KEY] = sheet;
}

/** The sheet `adoptEarlySheet` made in this world, if it ran. */
export function earlySheet(): CSSStyleSheet | null {
  return (globalThis as Shared)[KEY] ?? null;
}
