/**
 * The fuzzy stage: a misspelled long name at a word start where the walk found none ("Nueralink",
 * "Elon Muks"). `fuzzy.ts` ranks and measures; this decides which words are worth asking about.
 */
import { type Candidate, SCORE } from './candidate.ts';
import { classOf, fold, foldKey, isWordCls } from './chars.ts';
import { contextNear } from './context.ts';
import { isTransposition, osaDistance } from './edit-distance.ts';
import type { LinkedAlias, LinkedNames } from './linked-names.ts';
import {
  hasLower,
  hasUpper,
  lettersOf,
  looksLikeName,
  skipSpaces,
  wordSpan,
  wordsOf,
} from './word-shape.ts';

/** What the typo checks read of a name: its folded key and its letters as written. */
export type TypoName = Pick<LinkedAlias, 'key' | 'letters'>;

/** The capitals a camel-case name ends with ("X" of "SpaceX", "AI" of "OpenAI"). */
function capitalTail(letters: string): string {
  let i = letters.length;
  while (i > 0 && hasUpper(letters[i - 1] as string)) i--;
  return i > 0 && i < letters.length ? letters.slice(i) : '';
}

/**
 * Whether `key` is the camel-case name `alias` with one letter dropped between its first letter
 * and its closing capitals ("spacx" for "SpaceX", "opnai" for "OpenAI"): the name's start and its
 * distinctive end are both there, which no ordinary word one letter shorter has ("space" drops
 * the end, "pacex" the start).
 */
export function isInnerDeletion(key: string, alias: TypoName): boolean {
  const tail = capitalTail(alias.letters).length;
  const name = alias.key;
  if (tail === 0 || key.length !== name.length - 1 || name.length < 6) return false;
  for (let i = 1; i < name.length - tail; i++) {
    if (name.slice(0, i) + name.slice(i + 1) === key) return true;
  }
  return false;
}

/**
 * Whether `key` is the camel-case name `alias` with two neighbouring letters after the first
 * swapped ("sapcex" for "SpaceX", "opneai" for "OpenAI"): every letter of the name is there, from
 * its first on, two of them out of place, which no ordinary word is.
 */
export function isInnerSwap(key: string, alias: TypoName): boolean {
  const name = alias.key;
  if (capitalTail(alias.letters).length === 0 || name.length < 6 || key[0] !== name[0])
    return false;
  return isTransposition(key, name);
}

/**
 * The lower-case typos of the short name `alias` that `isShortTypo` takes in any case: a letter
 * dropped before its closing capitals, or two letters after the first swapped. The gate looks for
 * them anywhere, as for the names, since it does not look for misspellings inside a word.
 */
export function lowerCaseTypos(alias: TypoName): string[] {
  const name = alias.key;
  const out = new Set<string>();
  for (let i = 0; i < name.length; i++) {
    out.add(name.slice(0, i) + name.slice(i + 1));
    if (i + 1 < name.length) out.add(name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2));
  }
  return [...out].filter((typo) => isShortTypo(typo, alias));
}

/**
 * Whether `letters` (a word as written) is a typo of the short name `alias`: one edit away, and
 * either two neighbouring letters swapped ("SapceX", "OpenIA") or, written in camel case, ending
 * in the name's closing capitals ("SpaseX"). A capital after the first letter is required, as the
 * names are written, so ordinary words one edit away ("spaces", "Spacer", "OpenAM") stay out;
 * only a letter dropped before the closing capitals ("Spacx") or two letters after the first
 * swapped ("sapcex", as posts type it) may be written in any case.
 */
export function isShortTypo(letters: string, alias: TypoName): boolean {
  if (!hasUpper(letters.slice(1))) {
    // Lower case after the first letter: only a dropped inner letter or an inner swap, in a word
    // not in capitals.
    const key = letters.toLowerCase();
    return hasLower(letters) && (isInnerDeletion(key, alias) || isInnerSwap(key, alias));
  }
  const key = letters.toLowerCase();
  if (key === alias.key || osaDistance(key, alias.key, 1) !== 1) return false;
  if (isTransposition(key, alias.key)) return true;
  const tail = capitalTail(alias.letters);
  return tail !== '' && hasLower(letters) && capitalTail(letters) === tail;
}

/** The rows of a QWERTY keyboard, for the keys next to a mistyped one. */
const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Whether the lower-case letters `a` and `b` are neighbouring keys on a QWERTY keyboard. */
export function keysTouch(a: string, b: string): boolean {
  const row = KEY_ROWS.findIndex((r) => r.includes(a));
  const other = KEY_ROWS.findIndex((r) => r.includes(b));
  if (row < 0 || other < 0 || a === b) return false;
  const i = (KEY_ROWS[row] as string).indexOf(a);
  const j = (KEY_ROWS[other] as string).indexOf(b);
  // Each row sits half a key to the right of the one above it.
  if (other === row) return Math.abs(i - j) === 1;
  if (other === row - 1) return j === i || j === i + 1;
  if (other === row + 1) return j === i || j === i - 1;
  return false;
}

/**
 * Whether `letters` is the camel-case name `alias` with its one closing capital mistyped as the
 * capital of a neighbouring key ("SpaceC" for "SpaceX"), the rest written exactly: a slip of the
 * finger, where another capital ("SpaceY") is a made-up name. It counts only with a context word
 * near (see `shortTypoAt`).
 */
export function isTailSlip(letters: string, alias: TypoName): boolean {
  const name = alias.letters;
  if (capitalTail(name).length !== 1 || letters.length !== name.length) return false;
  const last = letters.at(-1) as string;
  if (letters.slice(0, -1) !== name.slice(0, -1) || !hasUpper(last)) return false;
  return keysTouch(last.toLowerCase(), (name.at(-1) as string).toLowerCase());
}

function shortTypoAt(
  linked: LinkedNames,
  text: string,
  start: number,
  end: number,
): Candidate | null {
  const letters = lettersOf(text.slice(start, end));
  for (const alias of linked.shortFuzzy) {
    if (isShortTypo(letters, alias))
      return { alias, start, end, score: SCORE.fuzzy, via: 'fuzzy', pending: false };
    if (isTailSlip(letters, alias) && contextNear(text, { start, end }, alias.entity) === 'near')
      return { alias, start, end, score: SCORE.fuzzy, via: 'fuzzy', pending: false };
  }
  return null;
}

/** A misspelled name starting at `start`, if any. */
export function fuzzyAt(linked: LinkedNames, text: string, start: number): Candidate | null {
  const { fuzzy } = linked;
  if (!linked.fuzzyFirstLetters.has(fold(text.charCodeAt(start)))) return null;
  // Words of no fitting length are turned away before any string is made.
  const w1 = wordSpan(text, start);
  if (linked.shortFuzzyLengths.has(w1.letters)) {
    const short = shortTypoAt(linked, text, start, w1.end);
    if (short) return short;
  }
  const whole = fuzzy.lengths.has(w1.letters);
  if (!whole && !linked.fuzzyFirstWordLengths.has(w1.letters)) return null;
  const key1 = foldKey(text.slice(start, w1.end));
  let found = whole ? fuzzy.lookup(key1) : null;
  let end = w1.end;
  if (found === null || found.value.written.includes(' ')) {
    found = null;
    // A name of two words, one of them misspelled ("Elon Muks", "Stoek Space").
    const aliases = linked.fuzzyFirstWords.get(key1) ?? linked.fuzzyFirstWordSwaps.get(key1);
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
