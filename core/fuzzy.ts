/**
 * The fuzzy stage: misspellings of the names that allow them ("Nueralink", "Neurallink").
 * fuse.js ranks the nearest names for a candidate word; a strict edit distance then decides,
 * so that near-words that are other things ("Neuralynx", "Altmann") stay out. Results are
 * cached per candidate, and only words that already look like a name's start get here. Words
 * that no allowed edit could turn into a name ("stations" for "Stoke Space") are turned away
 * before fuse.js, so a page of ordinary prose never builds its index.
 */
// The basic build: plain fuzzy search, without the extended and logical query syntax we never use.
import Fuse from 'fuse.js/basic';
import { allowedEdits, osaDistance } from './edit-distance.ts';

export { allowedEdits, osaDistance };

/** What a name's reach depends on: its characters, its length and the edits it allows. */
export interface Reach {
  letters: Set<number>;
  length: number;
  edits: number;
}

export function reachOf(key: string): Reach {
  const letters = new Set<number>();
  for (let i = 0; i < key.length; i++) letters.add(key.charCodeAt(i));
  return { letters, length: key.length, edits: allowedEdits(key.length) };
}

/**
 * Whether `word` could be within the edits a name allows: each edit brings at most one
 * character the name does not have (a substitution or an insertion; a deletion or a
 * transposition brings none), so a word with more such characters is further away. Never false
 * for a word that is within reach.
 */
export function withinReach(word: string, { letters, length, edits }: Reach): boolean {
  if (Math.abs(word.length - length) > edits) return false;
  let foreign = 0;
  for (let i = 0; i < word.length; i++) {
    if (!letters.has(word.charCodeAt(i)) && ++foreign > edits) return false;
  }
  return true;
}

export class FuzzyIndex<T> {
  private fuse: Fuse<{ key: string; value: T }> | undefined;
  private readonly cache = new Map<string, { key: string; value: T; distance: number } | null>();
  private readonly reach: Reach[];
  readonly lengths: Set<number>;

  constructor(private readonly names: { key: string; value: T }[]) {
    this.reach = names.map(({ key }) => reachOf(key));
    this.lengths = new Set();
    for (const { length, edits } of this.reach) {
      for (let d = -edits; d <= edits; d++) this.lengths.add(length + d);
    }
  }

  /** Whether the fuse.js index has been made (a word came that could be a misspelling). */
  get indexed(): boolean {
    return this.fuse !== undefined;
  }

  /** The fuse.js index, made when the first word of a fitting length comes along. */
  private search(candidate: string) {
    this.fuse ??= new Fuse(this.names, {
      keys: ['key'],
      includeScore: true,
      threshold: 0.4,
      ignoreLocation: true,
      isCaseSensitive: true,
    });
    return this.fuse.search(candidate, { limit: 3 });
  }

  /** The name within its allowed edit distance of `candidate` (a folded key), if any. */
  lookup(candidate: string): { key: string; value: T; distance: number } | null {
    if (!this.lengths.has(candidate.length)) return null;
    const cached = this.cache.get(candidate);
    if (cached !== undefined) return cached;
    let best: { key: string; value: T; distance: number } | null = null;
    const reachable = this.reach.some((r) => withinReach(candidate, r));
    for (const { item } of reachable ? this.search(candidate) : []) {
      const max = allowedEdits(item.key.length);
      const d = osaDistance(candidate, item.key, max);
      if (d <= max && (best === null || d < best.distance)) best = { ...item, distance: d };
    }
    // Where fuse.js is loaded on demand (the content script, content/fuse-on-demand.ts), what
    // it finds before it is ready is not final: asked again once it is.
    if (reachable && (this.fuse as { ready?: boolean } | undefined)?.ready === false) return best;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(candidate, best);
    return best;
  }
}
