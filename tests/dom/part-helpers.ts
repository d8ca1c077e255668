/**
 * Small builders for the tests of the content script's parts: a mention found in a text node
 * without running the scanner, so that each part is tested on its own.
 */

import type { Found } from '../../content/found';
import type { ReadRoot } from '../../content/read/dom-rules';
import type { Run } from '../../content/read/run';
import type { EntityId } from '../../core/types';

/** The first text node under `root` whose data holds `word`. */
export function textNodeWith(root: Node, word: string): Text {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if ((n as Text).data.includes(word)) return n as Text;
  }
  throw new Error(`no text node with "${word}"`);
}

/**
 * A mention of `entity` over the `nth` occurrence of `word` in its text node under `owner`,
 * with a run of that one node (as the collector would make for a block of one text node).
 */
export function foundWord(
  owner: ReadRoot,
  word: string,
  entity: EntityId,
  nth = 0,
  node = textNodeWith(owner, word),
): Found {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = node.data.indexOf(word, start + 1);
  if (start < 0) throw new Error(`no occurrence ${nth} of "${word}"`);
  const end = start + word.length;
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const run: Run = {
    text: node.data,
    segments: [{ node, start: 0, nodeStart: 0, length: node.data.length }],
  };
  return {
    mention: { entity, start, end, text: word, score: 1, via: 'exact' },
    range,
    owner,
    run,
  };
}

/** Sets `document.body`'s HTML and returns the element of `id`. */
export function page(html: string): (id: string) => HTMLElement {
  document.body.innerHTML = html;
  return (id) => {
    const el = document.getElementById(id);
    if (!el) throw new Error(`no #${id}`);
    return el;
  };
}

/** A clock that never runs out, for `hasTime`. */
export const always = (): boolean => true;
/** A clock that has run out. */
export const never = (): boolean => false;

/** A stand-in for the page's `Highlight`: a set of ranges that takes them as arguments. */
export class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  type = 'highlight';
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}
