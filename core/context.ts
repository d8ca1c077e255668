/**
 * The context model (README.md, "How a mention is decided"). An ambiguous name starts at
 * `contextBase` and gains:
 * - `contextSeen` when the document names the entity itself, or a related one, for sure;
 *   `contextRivalry` when it names only some other entity of the rivalry (or one of them by an
 *   ambiguous name already accepted);
 * - `contextNear` when one of the entity's context words stands within CONTEXT_REACH.
 * A word of the entity's `antiContext` within that reach vetoes the name, unless the document
 * names the entity itself unambiguously. One-letter and Japanese short names need the context
 * word near them in any case.
 */
import { ACCEPT, type Candidate, SCORE } from './candidate.ts';
import { Cls, classOf, fold, isWordCls } from './chars.ts';
import type { LinkedEntity } from './linked-names.ts';
import type { EntityId } from './types.ts';

const NO_WORDS: ReadonlySet<string> = new Set();

/** How far around an ambiguous name its context words are looked for, in characters. */
const CONTEXT_REACH = 120;

/**
 * Scores the pending candidates on their context, and marks those that reach ACCEPT as no longer
 * pending. `seen` holds the entities the document names for sure, and gains this text's.
 */
export function decideByContext(text: string, candidates: Candidate[], seen: Set<EntityId>): void {
  for (const c of candidates) if (!c.pending) seen.add(c.alias.entity.id);
  // Decided on what the text names for sure, then once more with the ambiguous names just
  // accepted ("Stoke … orbit" lends weight to "Musk:" after it).
  const named = new Set(seen);
  for (let round = 0; round < 2; round++) {
    for (const c of candidates) {
      if (!c.pending) continue;
      c.score = contextScore(text, c, seen, named);
      c.via = 'context';
      if (c.score >= ACCEPT) {
        c.pending = false;
        named.add(c.alias.entity.id);
      }
    }
  }
}

/** The score of an ambiguous candidate, given what the document names (see the model above). */
export function contextScore(
  text: string,
  c: Candidate,
  seen: ReadonlySet<EntityId>,
  named: ReadonlySet<EntityId>,
): number {
  const e = c.alias.entity;
  const around = contextNear(text, c, e);
  // A veto word counts unless the text names the entity itself for sure ("Elon Musk
  // launched a perfume. Musk said…").
  if (around === 'anti' && !seen.has(e.id)) return 0;
  // Outweighed, the veto word hides no context word ("Twitter … X … the online bank").
  const near =
    around === 'near' ||
    (around === 'anti' &&
      contextNear(text, c, {
        context: e.context,
        contextPairs: e.contextPairs,
        antiContext: NO_WORDS,
      }) === 'near');
  if (c.alias.needsNear && !near) return 0;
  const doc =
    seen.has(e.id) || e.related.some((r) => seen.has(r))
      ? SCORE.contextSeen
      : named.size > (named.has(e.id) ? 1 : 0)
        ? SCORE.contextRivalry
        : 0;
  return Math.min(SCORE.contextMax, SCORE.contextBase + doc + (near ? SCORE.contextNear : 0));
}

/**
 * True when a word of the alias's own `antiContext` stands near the candidate ("bank" near
 * "X.com"): that alias then names something else whatever the rest of the page names.
 */
export function otherMeaningNear(text: string, c: Candidate): boolean {
  const anti = c.alias.antiContext;
  if (anti === null) return false;
  return (
    contextNear(text, c, { context: NO_WORDS, contextPairs: NO_WORDS, antiContext: anti }) ===
    'anti'
  );
}

/** Whether the entity's context words, or words that veto it, stand near the candidate. */
export function contextNear(
  text: string,
  c: Pick<Candidate, 'start' | 'end'>,
  e: Pick<LinkedEntity, 'context' | 'contextPairs' | 'antiContext'>,
): 'near' | 'anti' | 'none' {
  const from = Math.max(0, c.start - CONTEXT_REACH);
  const to = Math.min(text.length, c.end + CONTEXT_REACH);
  let found: 'near' | 'none' = 'none';
  let prev = '';
  let i = from;
  while (i < to) {
    const k = classOf(text.charCodeAt(i));
    if (!isWordCls(k)) {
      i++;
      continue;
    }
    let j = i + 1;
    let key = String.fromCharCode(fold(text.charCodeAt(i)));
    for (; j < text.length; j++) {
      const kj = classOf(text.charCodeAt(j));
      if (kj === Cls.Ignore) continue;
      if (kj !== k) break;
      key += String.fromCharCode(fold(text.charCodeAt(j)));
    }
    const inside = i >= c.start && i < c.end;
    // Scripts written without spaces pack a sentence into a few characters: there only a
    // context word within a few characters counts ("マスク氏", not "マスクを着用…氏").
    const adjacent =
      k < Cls.Katakana || (i >= c.end && i - c.end <= 4) || (j <= c.start && c.start - j <= 4);
    if (!inside && adjacent) {
      if (e.antiContext.has(key)) return 'anti';
      if (e.context.has(key) || (prev && e.contextPairs.has(`${prev} ${key}`))) found = 'near';
    }
    prev = inside ? '' : key;
    i = j;
  }
  return found;
}
