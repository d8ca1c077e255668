/**
 * Reads the text of one owner (a block element or a shadow root) as runs of prose, with a map
 * from every offset in a run back to a text node and an offset in it.
 *
 * A run is the text between two block boundaries: inline elements join their neighbours, so
 * "Stoke <em>Space</em>" and "Neura<b>link</b>" are one string, and `<br>` becomes "\n" so a
 * name broken over a line still reads as one. Runs of white space are read as one character, as
 * the browser renders them, so the indentation of "Elon\n      Musk" in a page's source does
 * not keep the name apart (the offset map skips the characters left out). Where elements meet
 * with no white space and glue a word to a capitalised one, the run notes the spot: the browser
 * may draw them apart (`settle.ts`), as `<a>OpenAI</a><a>SpaceX</a>` in a flex row. Nested blocks and open
 * shadow roots are not read here: they are owners of their own, counted in `nested` and found
 * again, in the same order, by `walkNested`.
 */
import { NODES_PER_CLOCK_CHECK } from '../budgets';
import { isWs, kindOf, type ReadRoot, WS_RUN } from './dom-rules';
import { worthALook } from './drawn-apart';
import { JOIN_MAX, LongText } from './long-text';
import type { Glued, Run, Segment } from './run';
import { shadowOf } from './shadow';
import { walkNested } from './walk-nested';

/** Up to this many parts make up JOIN_MAX characters (16 KB each or more): kept, not joined. */
const KEEP_PARTS = 16;

export interface Collected {
  runs: Run[];
  /**
   * How many block elements and open shadow roots are inside the owner (not counting the
   * owner's own shadow root), each read separately: `walkNested` finds them.
   */
  nested: number;
  /**
   * Custom elements without a shadow root yet: their definition may load later and attach
   * one, which no mutation record reports.
   */
  maybeHosts: Element[];
  /** Characters read, including whitespace-only runs that were dropped. */
  chars: number;
}

const HAS_TEXT = /\S/;

/**
 * Reads `owner`'s own runs, and lists the owners nested in it. Cost is proportional to the
 * owner's inline content only.
 */
export function collectOwn(owner: ReadRoot): Omit<Collected, 'nested'> & { nested: ReadRoot[] } {
  const collector = createCollector(owner);
  let done: Collected | null = null;
  while (!done) done = collector.step(() => true);
  const walk = walkNested(owner, done.nested);
  const nested: ReadRoot[] = [];
  for (let next = walk.next(() => true); next; next = walk.next(() => true)) nested.push(next);
  return { ...done, nested };
}

/**
 * A text node longer than this is read a piece at a time (`substringData`), with a look at the
 * clock between pieces: copying and scanning megabytes of one node at once is a long task.
 */
export const TEXT_CHUNK = 1 << 16;

export interface Collector {
  /** Reads on while `hasTime()`; the result once the owner has been read to its end. */
  step(hasTime: () => boolean): Collected | null;
  /** Nodes visited so far: the owner's inline content, and the nested owners met in it. */
  readonly visited: number;
}

/**
 * Reads `owner`'s own runs a slice at a time, so an owner of a million inline nodes never makes
 * a long task. A page that changes the owner in between makes the observer queue it again.
 */
export function createCollector(owner: ReadRoot): Collector {
  const runs: Run[] = [];
  let nested = 0;
  const maybeHosts: Element[] = [];
  let chars = 0;
  let visited = 0;
  let parts: string[] = [];
  let segments: Segment[] = [];
  let length = 0;
  /** A long run's pieces so far (see LongText and `seal`). */
  let sealed: string[] = [];
  let sealedLength = 0;
  /** The run so far ends with white space: leading white space of the next node is dropped. */
  let afterSpace = false;
  /** The run's last character, for the boundary check (see `drawn-apart.ts`). */
  let lastChar = '';

  /** The run's boundaries to settle by layout (see `Run.glued`). */
  let glued: Glued[] = [];
  /** `node`'s text goes on from `at` straight after another node's letters: noted to settle. */
  const boundary = (node: Text, data: string, at: number, base: number) => {
    const last = segments[segments.length - 1];
    if (!last || last.node === node || last.node.nextSibling === node) return;
    if (!worthALook(lastChar, data.charAt(at), data.charAt(at + 1))) return;
    glued.push({
      at: length,
      before: last.node,
      beforeOffset: last.nodeStart + last.length - 1,
      after: node,
      afterOffset: base + at,
    });
  };

  /** `data` is the node's text from offset `base` on (all of it, or one chunk). */
  const piece = (node: Text, data: string, base: number, from: number, to: number) => {
    if (to <= from) return;
    segments.push({ node, start: length, nodeStart: base + from, length: to - from });
    parts.push(from === 0 && to === data.length ? data : data.slice(from, to));
    length += to - from;
    lastChar = data.charAt(to - 1);
    if (length - sealedLength >= JOIN_MAX) seal();
  };
  /** Parts already long (a big text node's chunks) are kept as they are: joining copies. */
  const seal = () => {
    if (parts.length <= KEEP_PARTS) sealed.push(...parts);
    else sealed.push(parts.join(''));
    parts = [];
    sealedLength = length;
  };

  // White space collapses across chunks as across nodes: `afterSpace` carries over.
  const addText = (node: Text, data: string, base: number) => {
    let pos = 0;
    if (afterSpace) while (pos < data.length && isWs(data.charCodeAt(pos))) pos++;
    else if (pos < data.length) boundary(node, data, pos, base);
    WS_RUN.lastIndex = pos;
    for (let m = WS_RUN.exec(data); m; m = WS_RUN.exec(data)) {
      piece(node, data, base, pos, m.index + 1);
      pos = m.index + m[0].length;
    }
    piece(node, data, base, pos, data.length);
    afterSpace = isWs(data.charCodeAt(data.length - 1));
  };

  const endRun = () => {
    if (segments.length > 0) {
      if (sealed.length === 0) {
        const text = parts.join('');
        if (HAS_TEXT.test(text))
          runs.push(glued.length ? { text, segments, glued } : { text, segments });
      } else {
        if (parts.length > 0) seal();
        const text = new LongText(sealed);
        if (sealed.some((piece) => HAS_TEXT.test(piece))) runs.push({ text, segments });
      }
    }
    parts = [];
    segments = [];
    length = 0;
    sealed = [];
    sealedLength = 0;
    afterSpace = false;
    lastChar = '';
    glued = [];
  };

  // Iterative pre-order walk over the owner's inline content, without recursion so that deep
  // trees cannot overflow the stack.
  let node: Node | null = owner.firstChild;
  /** How far into a long text node `node` has been read. */
  let read = 0;
  let result: Collected | null = null;
  const step = (hasTime: () => boolean): Collected | null => {
    if (result) return result;
    let n = 0;
    while (node) {
      if (++n === NODES_PER_CLOCK_CHECK) {
        n = 0;
        if (!hasTime()) return null;
      }
      // (A long text node read in chunks is counted once, not at each return to it.)
      if (read === 0) visited++;
      // Each node is asked for each neighbour once: from a content script's world, every
      // answer is a lookup in the world's own table of wrappers.
      let child: Node | null = null;
      if (node.nodeType === 3) {
        const text = node as Text;
        const size = text.length;
        if (size <= TEXT_CHUNK) {
          if (size > 0) addText(text, text.data, 0);
        } else {
          // A chunk per look at the clock, so every step reads on. `text.length` again each
          // time: the page may shorten the node between slices.
          while (read < text.length) {
            addText(text, text.substringData(read, TEXT_CHUNK), read);
            read += TEXT_CHUNK;
            if (read < text.length && !hasTime()) return null;
          }
          read = 0;
        }
        chars += size;
      } else if (node.nodeType === 1) {
        const el = node as Element;
        const tag = el.tagName;
        const kind = kindOf(el, tag);
        if (kind === 'br') {
          parts.push('\n');
          length += 1;
          afterSpace = true;
          lastChar = '\n';
        } else if (kind !== 'inline') {
          endRun();
          if (kind === 'block') nested++;
        } else {
          const shadow = shadowOf(el);
          if (shadow) {
            // The shadow tree renders in place of the host; its text is its own owner. The light
            // children are slotted somewhere inside it and still read here, inline.
            endRun();
            nested++;
          } else if (tag.includes('-')) {
            maybeHosts.push(el);
          }
          child = el.firstChild;
        }
      }

      if (child) {
        node = child;
        continue;
      }
      // Next in pre-order, never leaving the owner.
      let sibling: Node | null = node === owner ? null : node.nextSibling;
      while (!sibling && node && node !== owner) {
        node = node.parentNode;
        if (!node || node === owner) break;
        if (node.nodeType === 1 && shadowOf(node as Element)) {
          // Leaving a shadow host: what follows is not contiguous with its light children.
          endRun();
        }
        sibling = node.nextSibling;
      }
      node = sibling;
    }
    endRun();
    // A block owner that is itself a shadow host (e.g. `<div>` with a shadow root): its shadow
    // tree is read separately too (`walkNested` ends with it).
    result = { runs, nested, maybeHosts, chars };
    return result;
  };
  return {
    step,
    get visited() {
      return visited;
    },
  };
}
