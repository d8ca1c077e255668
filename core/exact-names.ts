/**
 * The trie walk stage: the names that start at a word start, written exactly or as a spelling
 * variant (case, spaces, hyphens, line breaks, zero-width and full-width characters); the
 * longest one whose shape passes the checks of `shape-checks.ts` is the candidate.
 */
import type { Candidate } from './candidate.ts';
import type { LinkedAlias, LinkedNames } from './linked-names.ts';
import { hitAllowed, shapedCandidate } from './shape-checks.ts';
import { type WalkHit, walk } from './trie.ts';
import { lettersOf } from './word-shape.ts';

/**
 * The name written at `start` (the first letter of a word), if any. `hits` is scratch space the
 * caller reuses; it is left holding what the walk found.
 */
export function exactAt(
  linked: LinkedNames,
  text: string,
  start: number,
  hits: WalkHit<LinkedAlias>[],
): Candidate | null {
  hits.length = 0;
  walk(text, start, linked.trie, hits);
  for (let h = hits.length - 1; h >= 0; h--) {
    const hit = hits[h] as WalkHit<LinkedAlias>;
    const surface = text.slice(start, hit.end);
    const letters = lettersOf(surface);
    const plainSplit = hit.split && !hit.hyphenated;
    if (!hitAllowed(text, hit, surface, plainSplit)) continue;
    // A name written with dots is the alias written with them ("Open A.I.", not "Open AI").
    const dotted = surface.includes('.');
    for (const pass of dotted ? [true, false] : [false]) {
      for (const alias of hit.terminals) {
        if (dotted && alias.written.includes('.') !== pass) continue;
        const cand = shapedCandidate(text, start, hit, alias, surface, letters, plainSplit);
        if (cand) return cand;
      }
    }
  }
  return null;
}
