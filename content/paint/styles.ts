/**
 * Our CSS, as strings (a `.css` file under `entrypoints/` would become an entrypoint of its own).
 *
 * Fills are opaque, one set for light pages (pastels) and one for dark pages (deep colours), each
 * with its own text colour, so a mention reads well even in a section whose colours are the
 * reverse of the page's (see extension/palette.ts).
 * Both styles draw each entity's own underline, wavy and thick so that it cannot be taken for a
 * link; its colours tell the entities apart for colour-blind readers, which pale fills cannot.
 */
import {
  type ColourScheme,
  entityFill,
  entityUnderline,
  FILL_TEXT,
  FLASH_RGB,
} from '../../extension/palette';
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

/** The scheme of the sheet adopted at document start (most pages are light). */
export const EARLY_SCHEME: ColourScheme = 'light';

/** The declarations that paint one entity's mentions, for rules and inline styles alike. */
export function paintDeclarations(
  entity: string,
  style: HighlightStyle,
  scheme: ColourScheme,
): string {
  // Both styles draw the entity's underline, the colour-blind-safe mark of which entity it is.
  const underline = `text-decoration:underline wavy 2px ${entityUnderline(entity, scheme)};text-underline-offset:3px;text-decoration-skip-ink:none;`;
  return style === 'underline'
    ? underline
    : `background-color:${entityFill(entity, scheme)};color:${FILL_TEXT[scheme]};${underline}`;
}

/** `::highlight()` rules for the given entities. */
export function highlightCss(
  entities: readonly string[],
  style: HighlightStyle,
  scope: RuleScope = 'tree',
  scheme: ColourScheme = EARLY_SCHEME,
): string {
  const on = scope === 'root' ? ':root' : '';
  // At the root (Chromium), over the manifest's fill rules (build/early-sheet.ts): a style that
  // fills nothing takes their fill away, as if they were not there.
  const clear =
    scope === 'root' && style === 'underline'
      ? 'background-color:revert-layer;color:revert-layer;'
      : '';
  const rules = entities.map(
    (id) =>
      `${on}::highlight(${HIGHLIGHT_PREFIX}${id}){${clear}${paintDeclarations(id, style, scheme)}}`,
  );
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
export function markStyle(
  entity: string,
  style: HighlightStyle,
  scheme: ColourScheme = EARLY_SCHEME,
): string {
  return `all:unset;display:inline;${paintDeclarations(entity, style, scheme)}`;
}
