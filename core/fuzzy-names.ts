/**
 * The fuzzy stage: a misspelled long name at a word start where the walk found none ("Nueralink",
 * "Elon Muks"). `fuzzy.ts` ranks and measures; this decides which words are worth asking about.
 */
import { type Candidate, SCORE } from './candidate.ts';
import { classOf, fold, foldKey, isWordCls } from './chars.ts';
import type { LinkedNames } from './linked-names.ts';
import { looksLikeName, skipSpaces, wordSpan, wordsOf } from './word-shape.ts';

/** A misspelled long name starting at `start`, if any. */
export function fuzzyAt(linked: LinkedNames, text: string, start: number): Candidate | null {
  const { fuzzy } = linked;
  if (!linked.fuzzyFirstLetters.has(fold(text.charCodeAt(start)))) return null;
  // Words of no fitting length are turned away before any string is made.
  const w1 = wordSpan(text, start);
  const whole = fuzzy.lengths.has(w1.letters);
  if (!whole && !linked.fuzzyFirstWordLengths.has(w1.letters)) return null;
  const key1 = foldKey(text.slice(start, w1.end));
  let found = whole ? fuzzy.lookup(key1) : null;
  let end = w1.end;
  if (found === null || found.value.written.includes(' ')) {
    found = null;
    // A name of two words: the first written right, the second misspelled ("Elon Muks").
    const aliases = linked.fuzzyFirstWords.get(key1);
    if (aliases === undefined) return null;
    const sepEnd = skipSpaces(text, w1.end);
    if (sepEnd === w1.end || !isWordCls(classOf(text.charCodeAt(sepEnd)))) return null;
    const w2 = wordSpan(text, sepEnd);
    const two = fuzzy.lookup(key1 + foldKey(text.slice(sepEnd, w2.end)));
    if (two === null || !aliases.includes(two.value)) return null;
    if (!wordsOf(text.slice(start, w2.end)).every(looksLikeName)) return null;
    found = two;
    end = w2.end;
  }
  if (found.distance === 0) return null;
  return { alias: found.value, start, end, score: SCORE.fuzzy, via: 'fuzzy', pending: false };
}
