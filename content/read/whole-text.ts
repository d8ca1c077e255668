import { WHOLE_TEXT_MAX } from '../budgets';
import { WS_RUN } from './dom-rules';
import { shadowOf } from './shadow';

/**
 * Elements inside which the collector's reading and the DOM's `textContent` agree: inline, never
 * skipped, never a shadow host (only custom elements and a few tags, `span` among them, can be
 * one), never a line break or a block. Anything else inside an owner (a `[hidden]` or editable
 * part too) and the owner is read node by node. (Page chrome needs no exception: a whole text
 * with a mention is read node by node anyway, and there `isPageChrome` leaves it out.)
 */
const PLAIN_INLINE =
  'a,abbr,b,bdi,bdo,big,button,cite,data,del,dfn,em,font,i,img,ins,label,mark,nobr,q,s,small,' +
  'strong,sub,sup,time,tt,u,wbr';
const NOT_PLAIN = `:not(${PLAIN_INLINE}),[hidden],[contenteditable]`;
/** Owners with more child elements than this are read node by node. */
const WHOLE_TEXT_ELEMENTS = 128;

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
  if (elements === 0) {
    // Only text inside: text nodes side by side (made by script, maybe a million), or one
    // longer than a whole text may be.
    const first = owner.firstChild;
    if (first !== owner.lastChild) return null;
    if (first && (first as CharacterData).length > WHOLE_TEXT_MAX) return null;
  }
  if (shadowOf(owner) || (elements > 0 && owner.querySelector(NOT_PLAIN))) return null;
  const raw = owner.textContent ?? '';
  if (raw.length > WHOLE_TEXT_MAX) return null;
  // A run of white space reads as its first character (as `addText` keeps it).
  return raw.replace(WS_RUN, (run) => run.charAt(0));
}
