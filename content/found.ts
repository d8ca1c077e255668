/**
 * A mention found in the page: what the scanner hands to the painter, the hit-test, the hover
 * and the summary. Its own module, so that those parts depend on the idea and not on the scanner.
 */
import type { Mention } from '../core/types';
import type { ReadRoot } from './read/dom-rules';
import type { Run } from './read/run';

/** A mention found in the page, with the live Range that covers it. */
export interface Found {
  mention: Mention;
  range: Range;
  owner: ReadRoot;
  run: Run;
}

/** Same entity over the same text (the scanner makes new objects when it re-reads a block). */
export function sameMention(a: Found, b: Found): boolean {
  if (a === b) return true;
  const ra = a.range;
  const rb = b.range;
  return (
    a.mention.entity === b.mention.entity &&
    ra.startContainer === rb.startContainer &&
    ra.startOffset === rb.startOffset &&
    ra.endContainer === rb.endContainer &&
    ra.endOffset === rb.endOffset
  );
}
