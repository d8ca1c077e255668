/**
 * The checks on a name's shape that veto what the walk found: case rules, names split into words
 * that do not look like a name ("open AI models"), a surname after someone else's given name.
 */
import { type Candidate, SCORE } from './candidate.ts';
import { Cls, classOf, isWordCls } from './chars.ts';
import type { LinkedAlias } from './linked-names.ts';
import { classAt, type WalkHit } from './trie.ts';
import type { MatchKind } from './types.ts';
import {
  hasLower,
  hasUpper,
  lastWordLength,
  looksLikeName,
  wordSet,
  wordsOf,
} from './word-shape.ts';

/**
 * Whether a hit of the walk may stand at all, whichever of its names it is: a genitive "s"
 * only after a person's name ("Musks Zeitpläne"; not "SpaceXs"), and a split name may not end
 * in a letter or two that starts a hyphenated word ("space X-ray"; "Stoke Space-Gründer" is fine).
 */
export function hitAllowed(
  text: string,
  hit: WalkHit<LinkedAlias>,
  surface: string,
  plainSplit: boolean,
): boolean {
  if (hit.genitive && !hit.terminals.some((a) => a.entity.person)) return false;
  return !(
    plainSplit &&
    lastWordLength(surface) <= 2 &&
    classAt(text, hit.end) === Cls.Hyphen &&
    isWordCls(classAt(text, hit.end + 1))
  );
}

/** What of an alias its case rule reads. */
export type CaseRule = Pick<
  LinkedAlias,
  'caseSensitive' | 'letters' | 'capitalised' | 'lowerWithContext' | 'lowerAsName'
>;

/**
 * Whether `letters`, as written, may be the alias by its case: any case unless it is
 * case-sensitive; then as written, in lower case where context may say so ("twitter"), or in
 * capitals where it is a capitalised word ("MUSK").
 */
export function caseFits(alias: CaseRule, letters: string): boolean {
  if (!alias.caseSensitive || letters === alias.letters) return true;
  if ((alias.lowerWithContext || alias.lowerAsName) && letters === alias.letters.toLowerCase())
    return true;
  const allCaps = !hasLower(letters) && letters.length > 1;
  return alias.capitalised && allCaps && letters === alias.letters.toUpperCase();
}

/** True for a line feed or a lone carriage return (the walk counts these as line breaks). */
function isLineBreak(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === 10 || (c === 13 && s.charCodeAt(i + 1) !== 10);
}

/** Whether `written` has a separator after its first `letters` letters ("Stoke Space" after 5). */
function writtenGapAfter(written: string, letters: number): boolean {
  let n = 0;
  for (let i = 0; i < written.length; i++) {
    const k = classOf(written.charCodeAt(i));
    if (isWordCls(k)) {
      if (n === letters) return false;
      n++;
    } else if (k !== Cls.Ignore && n === letters) return true;
  }
  return false;
}

/**
 * Whether each line break inside `surface` stands where the name itself is written in two words:
 * "Stoke⏎Space", "Elon⏎Musk" join across a `<br>`, but a spelling variant that splits a name
 * written as one word ("Open⏎AI", "Space⏎X") does not, for words on lines of their own are
 * items of a list as often as a name ("Filter by topic⏎Open⏎AI⏎Machine Learning"). The same
 * letters written in one word by another alias of the entity ("OpenAI" beside "Open AI") make
 * the spaced one a variant. Line-end hyphenation ("Open-⏎AI") is left to the walk.
 */
export function lineBreaksFit(
  surface: string,
  alias: LinkedAlias,
  terminals: readonly LinkedAlias[],
): boolean {
  let letters = 0;
  for (let i = 0; i < surface.length; ) {
    const k = classOf(surface.charCodeAt(i));
    if (isWordCls(k) || k === Cls.Ignore) {
      if (k !== Cls.Ignore) letters++;
      i++;
      continue;
    }
    let j = i;
    let lineBreak = false;
    let hyphen = false;
    for (; j < surface.length; j++) {
      const kj = classOf(surface.charCodeAt(j));
      if (isWordCls(kj)) break;
      if (isLineBreak(surface, j)) lineBreak = true;
      if (kj === Cls.Hyphen) hyphen = true;
    }
    const at = letters;
    if (
      lineBreak &&
      !hyphen &&
      !terminals.every((a) => a.entity !== alias.entity || writtenGapAfter(a.written, at))
    )
      return false;
    i = j;
  }
  return true;
}

/** `alias` as the candidate `surface` at `start` would be, or null when its shape vetoes it. */
export function shapedCandidate(
  text: string,
  start: number,
  hit: WalkHit<LinkedAlias>,
  alias: LinkedAlias,
  surface: string,
  letters: string,
  plainSplit: boolean,
): Candidate | null {
  if (hit.split && /[\n\r]/.test(surface) && !lineBreaksFit(surface, alias, hit.terminals))
    return null;
  if (!caseFits(alias, letters)) return null;
  // Written in lower case where case would tell, a name needs context ("open ai", "twitter").
  let lowerSplit =
    alias.caseSensitive && letters !== alias.letters && letters === alias.letters.toLowerCase();
  // "Open AI", "Space X", "Stoke Space": a company's name written in several words must look
  // like a name (every word capitalised); all in lower case it needs context ("open ai"),
  // in mixed case it is ordinary words ("open AI models", "space X-ray").
  // A name split only by dots is written that way on purpose ("x.AI", "X.com").
  if (plainSplit && !alias.entity.person && !/^[\p{L}\p{N}.]+$/u.test(surface)) {
    if (!hasUpper(letters) && hasLower(letters)) {
      // Three words or more in lower case are a phrase ("space exploration technologies").
      if (wordsOf(surface).length > 2) return null;
      // Joined by hyphens, the words are one word, the name ("space-x"); words that make no
      // phrase need no context either ("neura link").
      // (The name may be found as another alias of the same letters, "Neuralink".)
      const noPhrase = hit.terminals.some((a) => a.noPhrase && a.entity === alias.entity);
      lowerSplit = !noPhrase && !joinedByHyphens(surface);
    } else if (!wordsOf(surface).every(looksLikeName)) return null;
  }
  if (alias.ambiguous && alias.entity.person && otherGivenName(text, start)) return null;
  let end = hit.end;
  if (alias.trailingDot && text.charCodeAt(end) === 46) end++;
  const exact = surface === alias.written || (alias.trailingDot && `${surface}.` === alias.written);
  const score = exact ? SCORE.exact : hasUpper(letters) ? SCORE.variant : SCORE.lowerCase;
  const via: MatchKind = exact ? 'exact' : 'variant';
  return { alias, start, end, score, via, pending: alias.ambiguous || lowerSplit };
}

/** Whether the words of `surface` are joined by hyphens only, not by spaces ("space-x"). */
function joinedByHyphens(surface: string): boolean {
  let hyphen = false;
  for (let i = 0; i < surface.length; i++) {
    const k = classOf(surface.charCodeAt(i));
    if (k === Cls.Hyphen) hyphen = true;
    else if (!isWordCls(k) && k !== Cls.Ignore) return false;
  }
  return hyphen;
}

/**
 * Capitalised words that stand before a surname without being a given name, English and the
 * other languages' roles ("OpenAI-Chef Altman", "le fondateur Musk" at a line's start).
 */
const TITLES = /* @__PURE__ */ wordSet(
  'mr mrs ms dr sir herr frau monsieur madame señor signor mister ceo chief boss billionaire founder cofounder president tycoon mogul entrepreneur executive investor chairman owner rival critic says said and vs chef konzernchef firmenchef gründer mitgründer milliardär präsident unternehmer investor patron fondateur cofondateur milliardaire président jefe fundador cofundador multimillonario presidente magnate empresario',
);

/**
 * Words that start a sentence or a clause, capitalised there, before a surname ("Although Musk
 * denied it", "Under Musk, the company grew").
 */
const OPENERS = /* @__PURE__ */ wordSet(
  'after against although as at because before but by despite during even for from how if in like meanwhile now of on once since so still than that then though to today under unlike until when whether while why with without yet',
);

/** Headline case: on this line, every word of four letters or more is capitalised. */
function inHeadline(text: string, at: number): boolean {
  const from = text.lastIndexOf('\n', at) + 1;
  const nl = text.indexOf('\n', at);
  const line = text.slice(Math.max(from, at - 160), nl === -1 ? at + 160 : Math.min(nl, at + 160));
  const long = line.match(/\p{L}{4,}/gu) ?? [];
  return long.length >= 4 && long.every((w) => /^\p{Lu}/u.test(w));
}

/**
 * True when the word right before `start` (one space away, same line) is a capitalised word
 * that is not a title: the surname then belongs to another person ("Kimbal Musk"). Family
 * members whose given name starts a line or a headline are left to `notMentions`.
 */
export function otherGivenName(text: string, start: number): boolean {
  if (text.charCodeAt(start - 1) !== 32) return false;
  let i = start - 1;
  while (i > 0 && isWordCls(classOf(text.charCodeAt(i - 1)))) i--;
  const word = text.slice(i, start - 1);
  if (word.length < 2 || !/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  // The start of a sentence or a line is not a given name ("Yesterday Musk said").
  const before = text.slice(Math.max(0, i - 3), i);
  if (before.trimEnd() === '' || before.includes('\n') || /[.!?:|"“”(—–]\s*$/.test(before))
    return false;
  const lower = word.toLowerCase();
  return !TITLES.has(lower) && !OPENERS.has(lower) && !inHeadline(text, start);
}
