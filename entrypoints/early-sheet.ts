/**
 * Chromium only, at document start: adopts the `:root::highlight()` rules before the page is
 * parsed, so painting later forces no style pass over the whole page (see
 * `content/paint/early-sheet.ts`). It reads nothing, sends nothing and styles nothing until the
 * content script registers a highlight; it carries only the entity ids and the rules.
 */
import ids from 'virtual:rivalry-entity-ids';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { isTopOrSameOriginFrame } from '../content/lens/where';
import { adoptEarlySheet } from '../content/paint/early-sheet';

// An unlisted script, listed as a content script by wxt.config.ts (Chromium builds only): a
// WXT content script would carry WXT's script context and the polyfill, which this does not use.
export default defineUnlistedScript({
  // Firefox gives custom highlights no inheritance: its rules must be on every element.
  include: ['chrome'],
  main() {
    if (!isTopOrSameOriginFrame()) return;
    try {
      adoptEarlySheet(document, ids);
    } catch {
      // No constructable style sheets or adoptedStyleSheets here: the painter adopts its own.
    }
  },
});
