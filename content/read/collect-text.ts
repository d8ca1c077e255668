/**
 * Reads the text of one owner (a block element or a shadow root) as runs of prose, with a map
 * from every offset in a run back to a text node and an offset in it.
 *
 * A run is the text between two block boundaries: inline elements join their neighbours, so
 * "Stoke <em>Space</em>" and "Neura<b>link</b>" are one string, and `<br>` becomes "\n" so a
 * name broken over a line still reads as one. Runs of white space are read as one character, as
 * the browser renders them, so the indentation of "Elon\n      Musk" in a page's source does
 * not keep the name apart (the offset map skips the characters left out). Nested blocks and open
 * shadow roots are not read here: they are owners of their own, counted in `nested` and found
 * again, in the same order, by `walkNested`.
 */
import { WHOLE_TEXT_MAX } from '../budgets';
import { isBlock, isSkipped, type ReadRoot } from './dom-rules';

/** A piece of a text node's data and where it sits in the run's text. */
export interface Segment {
  node: Text;
  /** Offset of the piece in the run's text. */
  start: number;
  /** Offset of the piece in the node's data. */
  nodeStart: number;
  length: number;
}

/**
 * The text of a run too long to be one string, in pieces: a big text node's chunks as they were
 * read, or many small parts joined JOIN_MAX characters at a time. Joining (or flattening) a
 * string costs about 3 ns a character in one call that nothing can slice: a single text node of
 * 10 MB joined whole was a task of 30 to 60 ms. The matcher only ever asks for a window of it
 * (`slice`), a few pieces long.
 */
export class LongText {
  readonly length: number;
  /** Where each piece starts in the whole text. */
  private readonly starts: number[] = [];

  constructor(readonly pieces: readonly string[]) {
    let at = 0;
    for (const piece of pieces) {
      this.starts.push(at);
      at += piece.length;
    }
    this.length = at;
  }

  /** `String.prototype.slice` of the whole text, for 0 <= from <= to <= length. */
  slice(from: number, to: number): string {
    const { pieces, starts } = this;
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= from) lo = mid;
      else hi = mid - 1;
    }
    let out = '';
    for (let i = lo; i < pieces.length && (starts[i] as number) < to; i++) {
      const at = starts[i] as number;
      out += (pieces[i] as string).slice(Math.max(0, from - at), to - at);
    }
    return out;
  }
}

/** A run's text is one string up to this many characters, and pieces of it past that. */
export const JOIN_MAX = 1 << 18;
/** Up to this many parts make up JOIN_MAX characters (16 KB each or more): kept, not joined. */
const KEEP_PARTS = 16;

export interface Run {
  /** One string, or for a run over JOIN_MAX characters, its pieces (see LongText). */
  text: string | LongText;
  /** In order; between segments there may be separators ("\n" for `<br>`) that map to no node. */
  segments: Segment[];
}

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
 * What reading an owner does with an element inside it, the one rule for both the collector and
 * `walkNested` (which must meet nested owners in the collector's order): a line break; a part
 * never read (nor anything inside); a nested block, an owner of its own; or inline content,
 * read on into its children.
 */
type Kind = 'br' | 'skip' | 'block' | 'inline';
const kindOf = (el: Element, tag = el.tagName): Kind =>
  tag === 'BR' ? 'br' : isSkipped(el, tag) ? 'skip' : isBlock(el, tag) ? 'block' : 'inline';
/** White space that HTML collapses (not the no-break space, which is kept as written). */
const WS_RUN = /[ \t\n\r\f]{2,}/g;
const isWs = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

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

export interface NestedWalk {
  /** The next nested owner; null after the last; undefined when `hasTime()` ran out first. */
  next(hasTime: () => boolean): ReadRoot | null | undefined;
}

/**
 * Finds the owners nested in `owner` (`count` of them, as the collector counted, then the
 * owner's own shadow root) in the order the collector passed them, a few at a time, without
 * holding a list of them: a list of the 200,000 blocks of one owner keeps 200,000 wrappers of
 * ours alive, and the browser's table of our world's wrappers then grows in single steps of
 * 80-100 ms (touching the same nodes without keeping them: 25-30 ms).
 */
export function walkNested(owner: ReadRoot, count: number): NestedWalk {
  /** The next node to look at. */
  let node: Node | null = count > 0 ? owner.firstChild : null;
  let left = count;
  let ownShadow = owner.nodeType === 1;
  /** The node after `from`'s subtree in pre-order, never leaving the owner. */
  const past = (from: Node): Node | null => {
    let n: Node | null = from;
    while (n && n !== owner) {
      const sibling = n.nextSibling;
      if (sibling) return sibling;
      n = n.parentNode;
    }
    return null;
  };
  return {
    next(hasTime) {
      // The page may have taken the node to go on from out of the owner: start again, to the
      // end this time (the scanner passes over owners read since).
      if (node && !owner.contains(node)) {
        node = owner.firstChild;
        left = Number.POSITIVE_INFINITY;
      }
      let n = 0;
      while (node && left > 0) {
        if (++n === NODES_PER_CHECK) {
          n = 0;
          if (!hasTime()) return undefined;
        }
        const at: Node = node;
        node = past(at);
        if (at.nodeType !== 1) continue;
        const el = at as Element;
        const kind = kindOf(el);
        if (kind === 'block') {
          left--;
          return el;
        }
        if (kind !== 'inline') continue;
        // Its light children are the owner's, after its shadow root.
        if (el.firstChild) node = el.firstChild;
        const shadow = el.shadowRoot;
        if (shadow) {
          left--;
          return shadow;
        }
      }
      if (ownShadow) {
        ownShadow = false;
        const shadow = (owner as Element).shadowRoot;
        if (shadow) return shadow;
      }
      return null;
    },
  };
}

/**
 * Elements inside which the collector's reading and the DOM's `textContent` agree: inline, never
 * skipped, never a shadow host (only custom elements and a few tags, `span` among them, can be
 * one), never a line break or a block. Anything else inside an owner (a `[hidden]` or editable
 * part too) and the owner is read node by node.
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
  if (owner.shadowRoot || (elements > 0 && owner.querySelector(NOT_PLAIN))) return null;
  const raw = owner.textContent ?? '';
  if (raw.length > WHOLE_TEXT_MAX) return null;
  // A run of white space reads as its first character (as `addText` keeps it).
  return raw.replace(WS_RUN, (run) => run.charAt(0));
}

/** Nodes visited between two looks at the clock. */
const NODES_PER_CHECK = 512;
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

  /** `data` is the node's text from offset `base` on (all of it, or one chunk). */
  const piece = (node: Text, data: string, base: number, from: number, to: number) => {
    if (to <= from) return;
    segments.push({ node, start: length, nodeStart: base + from, length: to - from });
    parts.push(from === 0 && to === data.length ? data : data.slice(from, to));
    length += to - from;
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
        if (HAS_TEXT.test(text)) runs.push({ text, segments });
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
      if (++n === NODES_PER_CHECK) {
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
        } else if (kind !== 'inline') {
          endRun();
          if (kind === 'block') nested++;
        } else {
          const shadow = el.shadowRoot;
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
        if (node.nodeType === 1 && (node as Element).shadowRoot) {
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

/**
 * The DOM position of a run offset. `side` says which way to go when the offset falls on a
 * separator that maps to no node: a mention's start moves forward, its end moves back.
 */
export function locate(
  run: Run,
  offset: number,
  side: 'start' | 'end',
): { node: Text; offset: number } | null {
  const segs = run.segments;
  let lo = 0;
  let hi = segs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = segs[mid] as Segment;
    if (seg.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (side === 'end') {
    // The end is exclusive: an end exactly at a segment's start belongs to the previous one.
    while (found >= 0 && (segs[found] as Segment).start >= offset && offset > 0) found--;
    if (found < 0) return null;
    const seg = segs[found] as Segment;
    return { node: seg.node, offset: seg.nodeStart + Math.min(offset - seg.start, seg.length) };
  }
  if (found >= 0) {
    const seg = segs[found] as Segment;
    if (offset < seg.start + seg.length) {
      return { node: seg.node, offset: seg.nodeStart + offset - seg.start };
    }
  }
  const next = segs[found + 1];
  return next ? { node: next.node, offset: next.nodeStart } : null;
}

/** A live Range over `[start, end)` of a run, or null when the text changed under it. */
export function rangeFor(run: Run, start: number, end: number): Range | null {
  const a = locate(run, start, 'start');
  const b = locate(run, end, 'end');
  if (!a || !b) return null;
  if (a.node.data.length < a.offset || b.node.data.length < b.offset) return null;
  const doc = a.node.ownerDocument;
  const range = doc.createRange();
  try {
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
  } catch {
    return null;
  }
  return range.collapsed ? null : range;
}
