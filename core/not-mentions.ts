/**
 * The `notMentions` veto: a candidate that a phrase never naming its entity covers ("Stoke City",
 * "musk ox", "Model X") is dropped before the context model can accept it.
 */
import type { Candidate } from './candidate.ts';
import { classOf, isWordCls } from './chars.ts';
import { type Blocker, blockerTrie, type LinkedNames } from './linked-names.ts';
import { classBefore, continuesWord, type WalkHit, walk } from './trie.ts';

/** How far before a name a phrase that blocks it may start ("Robert Altman"). */
const BLOCKER_REACH = 48;

/** True when a phrase that never names the entity ("Stoke City") covers the candidate. */
export function isNotMention(linked: LinkedNames, text: string, cand: Candidate): boolean {
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
        // A case-sensitive name already tells itself apart from a phrase of the same letters
        // ("OpenAl" the misspelling, "OpenAL" the audio library).
        if (
          b.entity === cand.alias.entity.id &&
          !(cand.alias.caseSensitive && b.key === cand.alias.key)
        )
          return true;
      }
    }
  }
  return false;
}
