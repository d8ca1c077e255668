/**
 * Whether text is drawn at all. The reader goes by tags and attributes (see `dom-rules.ts`), so
 * text a page hides with its own style sheet is read too: a paywall's teaser, a hidden keyword
 * list, the print footer, the mobile copy of a menu. A mention found there would be counted and
 * revealed but never seen. Asked only of text that holds a mention, so a page pays nothing for
 * the common case; the style is the browser's, computed for the next frame anyway.
 */

/** False when the node's element is not rendered (`display: none` on it or an ancestor). */
export function isShown(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  // Where the browser cannot say, what was read counts, as before.
  if (!el || typeof el.checkVisibility !== 'function') return true;
  return el.checkVisibility();
}
