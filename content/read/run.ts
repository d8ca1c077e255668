/** A run of a block's text, and the map from its offsets back to text nodes. */
import type { LongText } from './long-text';

/** A piece of a text node's data and where it sits in the run's text. */
export interface Segment {
  node: Text;
  /** Offset of the piece in the run's text. */
  start: number;
  /** Offset of the piece in the node's data. */
  nodeStart: number;
  length: number;
}

export interface Run {
  /** One string, or for a run over JOIN_MAX characters, its pieces (see LongText). */
  text: string | LongText;
  /** In order; between segments there may be separators ("\n" for `<br>`) that map to no node. */
  segments: Segment[];
  /**
   * Where elements glue a word to a capitalised one, read together so far: the browser may
   * draw them apart (`settle.ts` asks it where a name is at stake). In order.
   */
  glued?: Glued[];
}

/** A boundary between two text nodes with no white space between them (see `Run.glued`). */
export interface Glued {
  /** Offset in the run's text of the first character after it (a segment starts there). */
  at: number;
  before: Text;
  /** Offset in `before` of the character before it. */
  beforeOffset: number;
  after: Text;
  /** Offset in `after` of the character after it. */
  afterOffset: number;
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
