/**
 * Our CSS, as strings (a `.css` file under `entrypoints/` would become an entrypoint of its own).
 *
 * Highlight colours are translucent fills of mid-tone hues: over a white page they tint dark
 * text, over a black page they tint light text, and the text keeps its own colour either way.
 */
import { entityRgb, FLASH_RGB } from '../../extension/palette';
import type { HighlightStyle } from '../../extension/setting-specs';

/** The prefix of every entity highlight's name: `rivalry-stoke-space`. */
export const HIGHLIGHT_PREFIX = 'rivalry-';
/** Our one non-entity highlight (the mention just revealed); deliberately not `rivalry-*`. */
export const FLASH_HIGHLIGHT = 'rlens-flash';

/**
 * Which elements the `::highlight()` rules are written for.
 *
 * - `tree`: every element of the tree that adopts the sheet. Firefox gives a custom highlight
 *   only the style of its own element's `::highlight()` (no inheritance), so there the document
 *   and each shadow tree with a mention need the rules on all their elements.
 * - `root`: the root element only (`:root::highlight()`). Chromium's highlight inheritance
 *   passes it down to every element, shadow trees included, and a sheet of such rules restyles
 *   far less once a page is laid out, and nothing measurable when adopted at document start.
 */
export type RuleScope = 'tree' | 'root';

/** The highlight style of the sheet adopted at document start (the default setting). */
export const EARLY_STYLE: HighlightStyle = 'fill';

/** `::highlight()` rules for the given entities. */
export function highlightCss(
  entities: readonly string[],
  style: HighlightStyle,
  scope: RuleScope = 'tree',
): string {
  const on = scope === 'root' ? ':root' : '';
  const rules = entities.map((id) => {
    const rgb = entityRgb(id);
    const name = `${HIGHLIGHT_PREFIX}${id}`;
    return style === 'underline'
      ? `${on}::highlight(${name}){text-decoration:underline 2px rgb(${rgb});}`
      : `${on}::highlight(${name}){background-color:rgb(${rgb} / 0.3);}`;
  });
  rules.push(
    `${on}::highlight(${FLASH_HIGHLIGHT}){background-color:rgb(${FLASH_RGB} / 0.85);color:#111;}`,
    // Windows high contrast and other forced colours: use the system's highlight pair.
    `@media (forced-colors: active){${entities
      .map((id) => `${on}::highlight(${HIGHLIGHT_PREFIX}${id})`)
      .join(',')}{background-color:Mark;color:MarkText;}}`,
  );
  // In a layer, so that any unlayered rule of the page or of a user style sheet overrides ours.
  return `@layer rivalry-lens{${rules.join('\n')}}`;
}

/** Inline style of a fallback-mode `<rivalry-mark>`. */
export function markStyle(entity: string, style: HighlightStyle): string {
  const rgb = entityRgb(entity);
  return style === 'underline'
    ? `all:unset;display:inline;text-decoration:underline 2px rgb(${rgb});`
    : `all:unset;display:inline;background-color:rgb(${rgb} / 0.3);`;
}
