/**
 * Runs the matcher over a long text one window at a time, so that no single call (and so no
 * task of ours) grows with the size of the page. Windows overlap on both sides so a name
 * crossing a window's edge, or a word cut by it, reads the same as in the whole text; each
 * mention is kept only by the window its start falls in, so none is reported twice.
 */
import type { EntityId, Mention } from '../../core/types';
import { MATCH_OVERLAP, MATCH_WINDOW } from '../budgets';
import type { LongText } from '../read/long-text';

export type MatchFn = (
  text: string,
  options?: { seen?: Set<EntityId>; undecided?: Set<EntityId> },
) => Mention[];

/**
 * Matches the window of `text` that starts at `from`. Returns the mentions whose start is in
 * `[from, from + MATCH_WINDOW)`, with offsets into `text`, and where the next window starts (or -1).
 */
export function matchWindow(
  text: string | LongText,
  from: number,
  match: MatchFn,
  seen: Set<EntityId>,
  undecided?: Set<EntityId>,
): { mentions: Mention[]; next: number } {
  if (typeof text === 'string' && from === 0 && text.length <= MATCH_WINDOW + MATCH_OVERLAP) {
    return { mentions: match(text, { seen, undecided }), next: -1 };
  }
  const end = Math.min(text.length, from + MATCH_WINDOW);
  const sliceStart = Math.max(0, from - MATCH_OVERLAP);
  const sliceEnd = Math.min(text.length, end + MATCH_OVERLAP);
  const found = match(text.slice(sliceStart, sliceEnd), { seen, undecided });
  const mentions: Mention[] = [];
  for (const m of found) {
    const start = m.start + sliceStart;
    if (start < from || start >= end) continue;
    mentions.push({ ...m, start, end: m.end + sliceStart });
  }
  return { mentions, next: end < text.length ? end : -1 };
}

/** Matches all of `text`, window by window (for callers that need no slicing, and tests). */
export function matchAll(text: string | LongText, match: MatchFn, seen: Set<EntityId>): Mention[] {
  const out: Mention[] = [];
  let from = 0;
  while (from >= 0) {
    const r = matchWindow(text, from, match, seen);
    out.push(...r.mentions);
    from = r.next;
  }
  return out;
}
