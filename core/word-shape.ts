/**
 * How the words of the original text are shaped: their letters with case kept, where they start
 * and end. The stages read the text itself, so these work on it with offsets, never on a copy.
 */
import { Cls, classOf, fromFullWidth, isWordCls } from './chars.ts';

/** Letters and digits of `s`, compatibility forms resolved, case kept. */
export function lettersOf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isWordCls(classOf(c))) {
      const a = fromFullWidth(c);
      out += a === c ? s[i] : String.fromCharCode(a);
    }
  }
  return out;
}

/** The words of `s`, each as its letters with case kept, split where the walker may split. */
export function wordsOf(s: string): string[] {
  const words: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = classOf(c);
    if (isWordCls(k)) cur += s[i];
    else if (k !== Cls.Ignore && cur) {
      words.push(cur);
      cur = '';
    }
  }
  if (cur) words.push(cur);
  return words;
}

/** A lower-case word as prose writes it: as it is, capitalised, and in capitals. */
export function caseForms(word: string): string[] {
  return [word, word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()];
}

export function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}
export function hasLower(s: string): boolean {
  return s !== s.toUpperCase();
}
export function hasUpper(s: string): boolean {
  return s !== s.toLowerCase();
}

/** A word that looks like part of a name: capitalised, a number, or in a script without case. */
export function looksLikeName(word: string): boolean {
  const first = word[0] as string;
  return isUpper(first) || /\d/.test(first) || first.toLowerCase() === first.toUpperCase();
}

export function lastWordLength(s: string): number {
  return wordsOf(s).at(-1)?.length ?? 0;
}

/** Where the word that holds offset `i` starts (`i` may be a hyphen or invisible character). */
export function wordStart(text: string, i: number): number {
  let k = classOf(text.charCodeAt(i));
  if (!isWordCls(k)) {
    // A hyphen or invisible character: the word is the one before it.
    let j = i - 1;
    while (j >= 0 && classOf(text.charCodeAt(j)) === Cls.Ignore) j--;
    if (j < 0) return i;
    k = classOf(text.charCodeAt(j));
    if (!isWordCls(k)) return i + 1;
    i = j;
  }
  while (i > 0) {
    const kb = classOf(text.charCodeAt(i - 1));
    if (kb === k || kb === Cls.Ignore) i--;
    else break;
  }
  while (i < text.length && classOf(text.charCodeAt(i)) === Cls.Ignore) i++;
  return i;
}

/** Where the word starting at `i` ends, and how many letters it has (invisible ones skipped). */
export function wordSpan(text: string, i: number): { end: number; letters: number } {
  const k = classOf(text.charCodeAt(i));
  let letters = 0;
  let j = i;
  for (; j < text.length; j++) {
    const kj = classOf(text.charCodeAt(j));
    if (kj === Cls.Ignore) continue;
    if (kj !== k) break;
    letters++;
  }
  return { end: j, letters };
}

/** Past the spaces at `i`, at most three of them. */
export function skipSpaces(text: string, i: number): number {
  let j = i;
  while (j < text.length && j - i < 3 && classOf(text.charCodeAt(j)) === Cls.Space) j++;
  return j;
}

/**
 * The words of `list`, split at single spaces. Called with a `@__PURE__` mark at a module's top,
 * so that a bundle using none of that module's lists (stage one) leaves them out.
 */
export function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.split(' '));
}
