/**
 * Names compiled once into a character trie over their folded keys, and the walker that
 * follows the trie through the ORIGINAL text, stepping over the separators a name may be
 * written with ("Space X", "Space-X", "Neura-\nlink", "イーロン・マスク").
 */
import { Cls, classOf, fold, isWordCls } from './chars.ts';

/** Separators a name may be split by at a given point (bit set). */
export enum Sep {
  Space = 1,
  Hyphen = 2,
  Dot = 4,
  Comma = 8,
}

export interface TrieNode<T> {
  next: Map<number, TrieNode<T>>;
  /** Which separators may follow the prefix this node spells (some name has a word break here). */
  breaks: number;
  /** Names that end here. */
  terminals: T[] | null;
}

export function newNode<T>(): TrieNode<T> {
  return { next: new Map(), breaks: 0, terminals: null };
}

/**
 * The folded key of a written name and where it may break: after key position `i`, `breaks[i]`
 * says which separators may stand there. A break is wherever the written form has a separator,
 * a lower-to-upper case step ("SpaceX" → Space|X, "xAI" → x|AI) or a change of script
 * ("スペースX").
 */
export function analyse(written: string): { key: string; breaks: number[] } {
  let key = '';
  const breaks: number[] = [];
  let pending = 0;
  let prevCls: Cls | -1 = -1;
  let prevLower = false;
  for (let i = 0; i < written.length; i++) {
    const c = written.charCodeAt(i);
    const k = classOf(c);
    if (isWordCls(k)) {
      const ch = written[i] as string;
      const upper = ch !== ch.toLowerCase();
      if (key.length > 0) {
        let b = pending;
        if (prevLower && upper) b |= Sep.Space | Sep.Hyphen;
        if (prevCls !== k && prevCls !== -1) b |= Sep.Space | Sep.Hyphen;
        if (b) breaks[key.length] = (breaks[key.length] ?? 0) | b;
      }
      key += String.fromCharCode(fold(c));
      prevLower = ch !== ch.toUpperCase();
      prevCls = k;
      pending = 0;
    } else if (k === Cls.Space || k === Cls.Hyphen) pending |= Sep.Space | Sep.Hyphen;
    else if (k === Cls.Dot) pending |= Sep.Dot | Sep.Space;
    else if (k === Cls.Comma) pending |= Sep.Comma | Sep.Space;
  }
  return { key, breaks };
}

/**
 * A name's key with its breaks marked in it, the form prepared names are shipped in: "open|3ai"
 * is the key "openai", which may break (`Sep` bits, in hex) after "open". A key never holds `|`.
 */
export function packKey({ key, breaks }: { key: string; breaks: number[] }): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const b = breaks[i];
    if (b) out += `|${b.toString(16)}`;
    out += key[i];
  }
  return out;
}

/** The key of a packed name (see `packKey`). */
export function unpackKey(packed: string): string {
  return packed.replace(/\|[0-9a-f]/g, '');
}

/** Adds a packed name (see `packKey`) to the trie. */
export function insertPacked<T>(root: TrieNode<T>, packed: string, value: T): void {
  let node = root;
  for (let i = 0; i < packed.length; i++) {
    const c = packed.charCodeAt(i);
    if (c === 124) {
      node.breaks |= Number.parseInt(packed[++i] as string, 16);
      continue;
    }
    let child = node.next.get(c);
    if (!child) {
      child = newNode<T>();
      node.next.set(c, child);
    }
    node = child;
  }
  if (!node.terminals) node.terminals = [];
  node.terminals.push(value);
}

export interface WalkHit<T> {
  /** Offset just past the last letter of the name in the original text. */
  end: number;
  terminals: T[];
  /** The name was split by a space or hyphen the written form allows. */
  split: boolean;
  /** The only splits were line-end hyphenation ("Neura-\nlink"). */
  hyphenated: boolean;
  /** The word goes on with a genitive "s" after the name ("Musks"). */
  genitive?: boolean;
}

/** The longest run of separators inside a name, and how many of them may be punctuation. */
export const MAX_SEPARATOR_RUN = 64;
const MAX_SEPARATOR_MARKS = 3;

/** True when the word character class `next` continues a word of class `k`. */
export function continuesWord(k: Cls, next: Cls): boolean {
  return isWordCls(next) && next === k;
}

/** Class of the first character at or after `i` that is not ignorable (Stop at the end). */
export function classAt(text: string, i: number): Cls {
  for (; i < text.length; i++) {
    const k = classOf(text.charCodeAt(i));
    if (k !== Cls.Ignore) return k;
  }
  return Cls.Stop;
}

/** Class of the last character before `i` that is not ignorable (Stop at the start). */
export function classBefore(text: string, i: number): Cls {
  for (i--; i >= 0; i--) {
    const k = classOf(text.charCodeAt(i));
    if (k !== Cls.Ignore) return k;
  }
  return Cls.Stop;
}

/**
 * Follows the trie from `start` (the first letter of a word) and reports every name that ends
 * at the end of a word, shortest first.
 */
export function walk<T>(text: string, start: number, root: TrieNode<T>, out: WalkHit<T>[]): void {
  const n = text.length;
  let node = root;
  let i = start;
  let split = false;
  let plainSplit = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = classOf(c);
    if (isWordCls(k)) {
      const child = node.next.get(fold(c));
      if (!child) return;
      node = child;
      i++;
      if (node.terminals !== null) {
        if (!continuesWord(k, classAt(text, i))) {
          out.push({ end: i, terminals: node.terminals, split, hyphenated: split && !plainSplit });
        } else if (text.charCodeAt(i) === 115 && !continuesWord(k, classAt(text, i + 1))) {
          // German and Scandinavian genitive: "Musks Zeitpläne" names Musk.
          out.push({
            end: i,
            terminals: node.terminals,
            split,
            hyphenated: split && !plainSplit,
            genitive: true,
          });
        }
      }
      continue;
    }
    if (k === Cls.Ignore) {
      i++;
      continue;
    }
    if (node === root || k === Cls.Stop) return;
    // A run of separators between two parts of a name.
    let j = i;
    let seen = 0;
    let newlines = 0;
    let marks = 0;
    for (; j < n && j - i <= MAX_SEPARATOR_RUN; j++) {
      const cj = text.charCodeAt(j);
      const kj = classOf(cj);
      if (kj === Cls.Space) {
        seen |= Sep.Space;
        if (cj === 10 || (cj === 13 && text.charCodeAt(j + 1) !== 10)) newlines++;
        continue;
      }
      if (kj === Cls.Hyphen) seen |= Sep.Hyphen;
      else if (kj === Cls.Dot) seen |= Sep.Dot;
      else if (kj === Cls.Comma) seen |= Sep.Comma;
      else if (kj !== Cls.Ignore) break;
      if (kj !== Cls.Ignore) marks++;
    }
    // Indented source text ("Elon⏎      Musk") may put a long run of white space inside a name;
    // a blank line (a new paragraph) or more than a few marks may not.
    if (j - i > MAX_SEPARATOR_RUN || newlines > 1 || marks > MAX_SEPARATOR_MARKS) return;
    if (j >= n || !isWordCls(classOf(text.charCodeAt(j)))) return;
    const newline = newlines > 0;
    const hyphenation =
      newline && (seen & Sep.Hyphen) !== 0 && (seen & (Sep.Dot | Sep.Comma)) === 0;
    if (!hyphenation) {
      if ((seen & ~node.breaks) !== 0) return;
      plainSplit = true;
    }
    split = true;
    i = j;
  }
}
