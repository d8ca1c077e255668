import { WHOLE_TEXT_MAX } from '../budgets';
import { isWs, WS_RUN } from './dom-rules';
import { shadowOf } from './shadow';

/**
 * Elements inside which the collector's reading and the DOM's `textContent` agree: inline, never
 * skipped, never a shadow host (only custom elements and a few tags, `span` among them, can be
 * one), never a line break or a block. Anything else inside an owner (a `[hidden]` or editable
 * part too) and the owner is read node by node. (Page chrome needs no exception: a whole text
 * with a mention is read node by node anyway, and there `isPageChrome` leaves it out.) The most
 * common first: the browser tries them in order for every element inside.
 */
const PLAIN_INLINE =
  'a,em,strong,b,i,img,small,sup,sub,time,u,s,q,mark,cite,abbr,label,button,data,del,ins,dfn,' +
  'bdi,bdo,big,font,nobr,tt,wbr';
const NOT_PLAIN = `:not(${PLAIN_INLINE}),[hidden],[contenteditable]`;
/** Owners with more child elements than this are read node by node. */
const WHOLE_TEXT_ELEMENTS = 128;

/**
 * Inside a block `blocksText` takes, anything but plain inline content: a block (then a block
 * further down is asked instead), a line break, a part never read, a custom element… Hidden and
 * editable parts need no exception: their text only makes the gate say yes more often.
 */
const NOT_INLINE = `:not(${PLAIN_INLINE})`;
/** Blocks that never hold blocks as HTML is parsed. */
const NO_BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** The blocks of prose `blocksText` takes at once with the owner they are in. */
const PROSE_BLOCKS = new Set([
  ...NO_BLOCKS,
  ...'DIV LI BLOCKQUOTE DD DT FIGCAPTION SECTION ARTICLE HEADER FOOTER ASIDE'.split(' '),
]);
/** Owners with more child elements than this are never taken with their blocks at once. */
const BLOCKS_TEXT_ELEMENTS = 64;

/**
 * The text the collector would read from `owner`, taken whole from the DOM without visiting a
 * node: an owner whose inside is plain inline content (see PLAIN_INLINE), with white space
 * collapsed as the collector collapses it. Null when the owner must be read node by node (its
 * inside is not plain, it is a shadow host, or its text is longer than WHOLE_TEXT_MAX). Every
 * node a content script visits costs a wrapper of its own (see `DEFAULT_LIMIT_NODES` in
 * `scanner.ts`): a block whose text holds no mention is then read for the price of one call.
 */
export function wholeText(owner: Element): string | null {
  // Bounds on what `textContent` would copy in one call that no slicing can cut: a paragraph
  // of a million text nodes, or one text node of 10 MB, is read node by node, chunk by chunk.
  // (`childNodes` would make a node list for every owner: counting elements makes none.)
  const elements = owner.childElementCount;
  if (elements > WHOLE_TEXT_ELEMENTS) return null;
  if (elements === 0 && !oneShortText(owner)) return null;
  if (shadowOf(owner) || (elements > 0 && owner.querySelector(NOT_PLAIN))) return null;
  const raw = owner.textContent ?? '';
  if (raw.length > WHOLE_TEXT_MAX) return null;
  // A run of white space reads as its first character (as `addText` keeps it).
  return raw.replace(WS_RUN, (run) => run.charAt(0));
}

/**
 * Whether `el`, which holds no element, holds at most one text node, and one no longer than a
 * whole text may be: not text nodes side by side (made by script, maybe a million).
 */
function oneShortText(el: Element): boolean {
  const first = el.firstChild;
  return first === el.lastChild && (!first || (first as CharacterData).length <= WHOLE_TEXT_MAX);
}

/**
 * The text of `owner` with the blocks nested in it, taken from the DOM in one call, for an
 * owner that holds only blocks of plain inline content (a `div` of paragraphs, a list of
 * items), none a shadow host, and white space or text beside them. Blocks meet glued in it
 * ("orbit.SpaceX"), so it is fit only for the gate (core/gate.ts), and only to say no to (see
 * `blocksApart`). Null for any other owner, or for more than WHOLE_TEXT_MAX characters.
 * Paragraphs and headings (NO_BLOCKS) are not asked.
 */
export function blocksText(owner: Element, tag = owner.tagName): string | null {
  if (NO_BLOCKS.has(tag)) return null;
  const elements = owner.childElementCount;
  if (elements === 0 || elements > BLOCKS_TEXT_ELEMENTS) return null;
  if (shadowOf(owner)) return null;
  for (let child = owner.firstElementChild; child; child = child.nextElementSibling) {
    if (!PROSE_BLOCKS.has(child.tagName) || shadowOf(child)) return null;
    // Asked of each block, not of the owner with a selector that looks for a block inside a
    // block: that walks every ancestor of every element, up to the document.
    if (child.childElementCount > 0 ? child.querySelector(NOT_INLINE) : !oneShortText(child))
      return null;
  }
  const all = owner.textContent ?? '';
  return all.length > WHOLE_TEXT_MAX ? null : all;
}

/**
 * The blocks of an owner `blocksText` took (`all`, its text) as the reader reads them, apart;
 * null if the owner holds more than white space beside them. Where white space stands between
 * every two blocks, that is `all`. Where two meet with nothing between them, "Musk" ending one
 * and "said" starting the next read "Musksaid" in `all`, which the gate takes for a word: then
 * the blocks' own texts, one to a line.
 */
export function blocksApart(owner: Element, all: string): string | null {
  let glued = false;
  let afterBlock = false;
  for (let node = owner.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (afterBlock) glued = true;
      afterBlock = true;
    } else if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length === 0) continue;
      if (!isBlank(data)) return null;
      afterBlock = false;
    }
  }
  if (!glued) return all;
  const texts: string[] = [];
  for (let child = owner.firstElementChild; child; child = child.nextElementSibling)
    texts.push(child.textContent ?? '');
  return texts.join('\n');
}

/** Whether `text` is all white space that HTML collapses. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isWs(text.charCodeAt(i))) return false;
  return true;
}
