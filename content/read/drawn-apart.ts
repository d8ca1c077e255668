/**
 * Where two elements meet with no white space between them, whether the browser draws their
 * text as one word or apart. Frameworks write `<a>OpenAI</a><a>SpaceX</a>` in a flex row, or
 * `<span>By</span><span>Elon Musk</span>` on two lines, and only layout tells these from
 * "Open<span>AI</span>" inside a word (issue #16).
 *
 * Layout is asked only at a boundary that would glue a word to one that starts with a capital
 * (or a lower-case letter then a capital, "xAI"): the usual splits inside a word ("Neura<b>link</b>",
 * a drop cap "<span>T</span>he") and every boundary beside white space never pay for it.
 */

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/**
 * True when glued text may hide a boundary worth a look (see `worthALook`): the whole-text
 * shortcut, which sees no boundary, must read such an owner node by node. Every boundary
 * `worthALook` accepts shows here, except capitals glued to capitals ("OPEN|AI"), which the
 * matcher reads as one word and so are read node by node anyway.
 */
export const mayHideBoundary = (text: string): boolean => GLUE.test(text);
const GLUE = /[\p{Ll}\p{N}]\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/u;

/**
 * The cheap check first: `before` is the last character read, `a0` and `a1` the first two after
 * the boundary (`a1` may be empty).
 */
export function worthALook(before: string, a0: string, a1: string): boolean {
  if (!LETTER_OR_DIGIT.test(before)) return false;
  if (UPPER.test(a0)) return true;
  return LOWER.test(a0) && UPPER.test(a1);
}

/** Form controls are boxes of their own whatever their display says. */
const BOX_TAGS = new Set(['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'IMG']);

/**
 * An element the boundary leaves or enters draws a box of its own (block, flex item…). `seen`
 * keeps the answers of one run's settling: a link in a row is left at one boundary and entered
 * at the next.
 */
function isBox(el: Element, view: Window, seen: Map<Element, boolean>): boolean {
  let box = seen.get(el);
  if (box === undefined) {
    const display = BOX_TAGS.has(el.tagName) ? 'block' : view.getComputedStyle(el).display;
    box = display !== 'inline' && display !== 'contents' && display !== '';
    seen.set(el, box);
  }
  return box;
}

/** The rectangle of one character of `node`, or null when it is not drawn. */
function charRect(node: Text, offset: number): DOMRect | null {
  const range = node.ownerDocument.createRange();
  range.setStart(node, offset);
  range.setEnd(node, offset + 1);
  const rect = range.getBoundingClientRect();
  return rect.width === 0 && rect.height === 0 ? null : rect;
}

/**
 * A gap wider than this share of a character's height reads as a space: a space is about a
 * quarter of an em, letter spacing and kerning a few hundredths.
 */
const GAP_SHARE = 0.15;

/**
 * How the character at `beforeOffset` of `before` and the one at `afterOffset` of `after` are
 * drawn: in two boxes (an element between them is a block, an inline block, a flex or grid
 * item, a table cell, a button), which part them as a block does; or in one line of text with a
 * gap (a margin, padding) or a line between them, which reads as a space; or together. Undrawn
 * text keeps the reading by tags.
 */
export type Apart = 'boxes' | 'gap' | null;
export function drawnApart(
  before: Text,
  beforeOffset: number,
  after: Text,
  afterOffset: number,
  seen: Map<Element, boolean> = new Map(),
): Apart {
  const view = before.ownerDocument.defaultView;
  if (!view) return null;
  // The elements the boundary leaves, up to the nearest one holding both sides…
  let common: Node | null = before.parentNode;
  while (common && !common.contains(after)) {
    if (common.nodeType === Node.ELEMENT_NODE && isBox(common as Element, view, seen))
      return 'boxes';
    common = common.parentNode;
  }
  // …and the elements it enters.
  for (let n = after.parentNode; n && n !== common; n = n.parentNode) {
    if (n.nodeType === Node.ELEMENT_NODE && isBox(n as Element, view, seen)) return 'boxes';
  }
  const a = charRect(before, beforeOffset);
  const b = charRect(after, afterOffset);
  if (!a || !b) return null;
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  if (overlap < Math.min(a.height, b.height) / 2) return 'gap';
  const gap = Math.max(b.left - a.right, a.left - b.right);
  return gap > GAP_SHARE * Math.max(a.height, b.height) ? 'gap' : null;
}
