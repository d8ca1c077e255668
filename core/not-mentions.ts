/**
 * Phrases with a name in them that decide it: the `notMentions` veto drops a candidate that a
 * phrase never naming its entity covers ("Stoke City", "musk ox", "Model X") before the context
 * model can accept it; a `cues` phrase ("banned from X", "X users") settles that an ambiguous
 * name is its entity.
 */
import type { Candidate } from './candidate.ts';
import { classOf, isWordCls } from './chars.ts';
import { type Blocker, blockerTrie, type LinkedNames, type PhraseKind } from './linked-names.ts';
import { BLOCKER_REACH } from './reach.ts';
import { classBefore, continuesWord, type WalkHit, walk } from './trie.ts';

/** True when a phrase of `kind` about the candidate's entity covers the candidate. */
function coveredBy(
  linked: LinkedNames,
  text: string,
  cand: Candidate,
  kind: PhraseKind,
  accept: (b: Blocker) => boolean = () => true,
): boolean {
  const from = Math.max(0, cand.start - BLOCKER_REACH);
  const found: WalkHit<Blocker>[] = [];
  for (let i = from; i <= cand.start; i++) {
    const k = classOf(text.charCodeAt(i));
    if (!isWordCls(k) || continuesWord(k, classBefore(text, i))) continue;
    found.length = 0;
    walk(text, i, blockerTrie(linked), found);
    for (const hit of found) {
      if (hit.end <= cand.start) continue;
      for (const b of hit.terminals) {
        if (b.kind === kind && b.entity === cand.alias.entity.id && accept(b)) return true;
      }
    }
  }
  return false;
}

/** True when a phrase that never names the entity ("Stoke City") covers the candidate. */
export function isNotMention(linked: LinkedNames, text: string, cand: Candidate): boolean {
  // A case-sensitive name already tells itself apart from a phrase of the same letters
  // ("OpenAl" the misspelling, "OpenAL" the audio library).
  return coveredBy(
    linked,
    text,
    cand,
    'never',
    (b) => !(cand.alias.caseSensitive && b.key === cand.alias.key),
  );
}

/** True when a phrase that settles the name is its entity ("banned from X") covers it. */
export function hasCue(linked: LinkedNames, text: string, cand: Candidate): boolean {
  return coveredBy(linked, text, cand, 'cue');
}

/** Words in the sentence before a quoted name that make it the platform's new name. */
const RENAME_WORDS = new Set(
  'now renamed rebranded rebrand rebranding twitter platform app site network company service'.split(
    ' ',
  ),
);

/**
 * True when a one-letter name stands in quotes after "called", "named" or "nicknamed" (Musk's
 * son, 'usually called "X"'): a letter given as a name in quotes is someone's name, unless the
 * sentence is about the platform's new name ("Twitter, now called "X"").
 */
export function namedInQuotes(text: string, cand: Candidate): boolean {
  if (cand.alias.key.length !== 1) return false;
  const before = text.slice(Math.max(0, cand.start - 160), cand.start);
  const m = /(?:^|[^\p{L}])(?:called|named|nicknamed)\s+["“”„'‘’«]\s*$/iu.exec(before);
  if (m === null || !/^\s*["“”'‘’»]/u.test(text.slice(cand.end, cand.end + 3))) return false;
  const sentence =
    before
      .slice(0, m.index)
      .split(/[.!?\n]/)
      .at(-1) ?? '';
  const words = sentence.toLowerCase().match(/\p{L}+/gu) ?? [];
  return !words.some((w) => RENAME_WORDS.has(w));
}
