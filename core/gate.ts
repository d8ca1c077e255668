/**
 * The gate: whether a page's text could hold a name at all, asked of the whole text at once
 * before anything else of the content script is loaded. Most pages mention none of the names,
 * and the gate lets them pay for one read of their text and a few regex scans.
 *
 * It must never say no where the matcher would find a mention in text the reader reads, yet
 * text read whole glues what the reader keeps apart: blocks meet with no space between them
 * ("…to orbit.</p><p>SpaceX" reads "orbit.SpaceX", "<li>AI</li><li>SpaceX</li>" reads
 * "AISpaceX") and white space is not collapsed. So it asks less than the matcher does, in the
 * browser's own regex engine where it can:
 * - every spelling a name's letters allow, anywhere, even inside a glued word, with anything but
 *   letters and digits between its letters (spaces, hyphens, dots, invisible characters), in any
 *   case, or in the cases the matcher allows a case-sensitive name ("Musk", "MUSK");
 * - a misspelling at every word start where the matcher would look for one, measured at every
 *   length a name allows, since the word's end is not known in glued text; and anywhere, as for
 *   the names, the few typos of a short name that may be written in lower case ("sapcex");
 * - no vetoes, and no context but for the names the matcher never takes without a word beside
 *   them ("X", "マスク"): one of their context words, or a word of a phrase that settles them,
 *   within the matcher's reach, white space counted as the reader collapses it.
 * Where a case-sensitive name, or a name split into words, goes on in lower case ("Xbox",
 * "elongated", "open air") it is the start of a word, not a name glued to the next block: a
 * block glued after a name starts with a lower-case letter too seldom to pay for those. Nor is a
 * misspelling looked for where a lower-case letter goes on a word ("revenue").
 */
import {
  Cls,
  classOf,
  fold,
  HYPHENS_CLASS,
  IGNORED_CLASS,
  foldKey,
  fromFullWidth,
  isFullWidth,
  isWordCls,
  isWs,
} from './chars.ts';
import { COMMON_WORDS } from './common-words.ts';
import { allowedEdits, innerSwaps, osaDistance } from './edit-distance.ts';
import { isShortTypo, isTailSlip, lowerCaseTypos, type TypoName } from './fuzzy-names.ts';
import { GLUED_WORD_START, type PreparedEntity, type PreparedNames } from './prepare-names.ts';
import { BLOCKER_REACH, CONTEXT_REACH } from './reach.ts';
import { caseFits } from './shape-checks.ts';
import { classBefore, MAX_SEPARATOR_RUN, unpackKey } from './trie.ts';
import { caseForms, lettersOf, wordStart } from './word-shape.ts';

/** What the gate needs of the prepared names, made at build time (`gateNames`). */
export interface GateNames {
  /**
   * Source of the regex of every name as it may be written (flags `g`), for text with the
   * characters the reader passes over inside a name, or with a hyphen at a line end
   * (`UNUSUAL`): anything but letters and digits may stand between any two of its letters.
   */
  names: string;
  /**
   * The same for any other text, where the matcher takes separators only where a name may
   * break ("Open AI", "Elon⏎Musk"; `analyse` in trie.ts): a far smaller regex, which the
   * browser compiles in a fraction of the time.
   */
  plainNames: string;
  /**
   * Source of the regex of word starts where a misspelling may begin, common words that cannot
   * start one passed over (`seedPassingOver`; flags `g`).
   */
  fuzzySeed: string;
  /**
   * Names long enough for edits (see fuzzy-names.ts): their folded keys, the edits they allow,
   * and the first word of a name of two words as the matcher takes it (as written, or with two
   * letters swapped), after which it measures across the space ("Elon Muks"). Worked out here
   * at build time, which leaves the rules of edits out of stage one.
   */
  long: { key: string; edits: number; firsts: string[] }[];
  /** Names too short for edits, whose typos are checked one by one ("SapceX"). */
  short: TypoName[];
  /**
   * Names the matcher takes only beside a word of their context or in a phrase that settles
   * them ("X", "マスク": `needsNear`), per entity: the regex of their spellings (flags `g`), and
   * the words (regex sources, folded as `foldKey` writes text) of which one must stand near.
   */
  near: NearNames[];
}

/** See `GateNames.near`. */
interface NearNames {
  names: string;
  /** Context words, within `reach` on either side. */
  words: string;
  reach: number;
  /** A word of each phrase that settles the name: before it, within BLOCKER_REACH… */
  before: string;
  /** …or after it, within `afterReach`. */
  after: string;
  afterReach: number;
}

export interface Gate {
  /** `GateNames.names`, compiled the first time a text needs it. */
  names: () => RegExp;
  plainNames: RegExp;
  fuzzySeed: RegExp;
  long: { key: string; edits: number; letters: Set<number>; firsts: string[] }[];
  short: TypoName[];
  shortLengths: number[];
  firstLetters: Set<number>;
  /** The most letters a misspelling may have. */
  maxLetters: number;
  /** What each first word was judged (see `misspeltMay`), as written. */
  words: Map<string, number>;
  near: {
    names: RegExp;
    words: RegExp;
    reach: number;
    before: RegExp;
    after: RegExp;
    afterReach: number;
  }[];
}

/** Anything but letters, digits and `_` may stand between a name's letters. */
const GAP = '\\W*';
/**
 * Lower-case letters and word characters, as short classes: the `u` flag's property classes
 * (`\\p{Ll}`) cost milliseconds to build on every page, and a long class repeated for every
 * name makes the regex slow to compile. A lower-case letter left out only lets more through; a
 * name in another script, written whole, is then judged as if split.
 */
const LOWER = '[a-z]';
const LETTER = '\\w';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A letter in either case ("[oO]"). */
function anyCase(ch: string): string {
  const both = new Set([ch, ch.toLowerCase(), ch.toUpperCase()].filter((c) => c.length === 1));
  return both.size > 1 ? `[${[...both].map(escapeRe).join('')}]` : escapeRe(ch);
}

/**
 * What must hold after `key` spelt in any case: no lower-case letter goes on, unless the
 * look-behind tells it written whole, which may be glued to anything ("openaiResearch").
 */
function wordEnd(key: string): string {
  return `(?:(?!${LOWER})|(?<=${LETTER}{${key.length}}))`;
}

/**
 * A spelling as regex atoms (one per letter) and what must hold after it; `breaks`, where it
 * has them, says before which atoms a separator may stand in plain text (`plainNames`).
 */
interface Spelling {
  atoms: string[];
  after: string;
  breaks?: boolean[];
}

interface AtomNode {
  next: Map<string, AtomNode>;
  after: Set<string>;
}

/**
 * One regex of many spellings, with the letters they start with in common written once
 * ("[oO]\W*[pP]…(?:…|…)"): the engine then tries a few first letters at each offset rather
 * than every spelling. `gap`: what may stand between two letters.
 */
function spellingsSource(spellings: readonly Spelling[], gap = GAP): string {
  const root: AtomNode = { next: new Map(), after: new Set() };
  for (const { atoms, after } of spellings) {
    let node = root;
    for (const atom of atoms) {
      let child = node.next.get(atom);
      if (!child) {
        child = { next: new Map(), after: new Set() };
        node.next.set(atom, child);
      }
      node = child;
    }
    node.after.add(after);
  }
  const emit = (node: AtomNode, before: string): string => {
    const parts = [
      ...node.after,
      ...[...node.next].map(([atom, child]) => `${before}${atom}${emit(child, gap)}`),
    ];
    return parts.length === 1 ? (parts[0] as string) : `(?:${parts.join('|')})`;
  };
  return emit(root, '');
}

/** The gate's projection of the prepared names (the build writes it for the content script). */
export function gateNames(names: PreparedNames): GateNames {
  const breakAt = prefixBreaks(names);
  const spellings: Spelling[] = [];
  const nearBy = nearNamesBy(names);
  const long: GateNames['long'] = [];
  const firstWords = new Map<number, string>();
  for (const [word, indices] of names.fuzzyFirstWords)
    for (const i of indices) firstWords.set(i, word);
  const short: TypoName[] = [];
  for (const [i, a] of names.aliases.entries()) {
    const key = unpackKey(a.packed);
    const letters = lettersOf(a.written);
    const into = (a.needsNear && nearBy.get(a.entity)?.spellings) || spellings;
    const breaks = [...key].map((_, at) => at > 0 && breakAt.has(key.slice(0, at)));
    if (a.caseSensitive) {
      const rule = {
        letters,
        caseSensitive: true,
        capitalised: a.capitalised === true,
        lowerWithContext: a.lowerWithContext === true,
        lowerAsName: a.lowerAsName === true,
      };
      // The cases the matcher lets it take (shape-checks.ts), not followed by a lower-case
      // letter, unless as a genitive ("Musks").
      const forms = new Set(
        [letters, letters.toLowerCase(), letters.toUpperCase()].filter((f) => caseFits(rule, f)),
      );
      for (const form of forms)
        into.push({
          atoms: [...form].map(escapeRe),
          after: `(?:(?!${LOWER})|(?=s(?!${LETTER})))`,
          breaks,
        });
    } else {
      // In any case; split into words, not followed by a lower-case letter (`wordEnd`). A name
      // that ends in another script ("ツイッター") ends its word before any Latin letter
      // ("ツイッターvs").
      into.push({
        atoms: [...key].map(anyCase),
        after: /[a-z0-9]$/.test(key) ? wordEnd(key) : '',
        breaks,
      });
    }
    if (!a.fuzzy) continue;
    const first = firstWords.get(i);
    const edits = allowedEdits(key.length);
    const firsts = first === undefined ? [] : [first, ...innerSwaps(first)];
    if (edits > 0) long.push({ key, edits, firsts });
    else {
      short.push({ key, letters });
      // Its typos that may be written in lower case, anywhere, as the names are: a block glued
      // after a word may start with one ("Homesapcex"), where no misspelling is looked for.
      // The matcher reads one as a word: in plain text, no separator inside (`fuzzyAt`).
      for (const typo of lowerCaseTypos({ key, letters }))
        into.push({ atoms: [...typo].map(anyCase), after: wordEnd(typo), breaks: [] });
    }
  }
  const near = [...nearBy.values()].map(({ spellings: own, words }) => ({
    names: spellingsSource(own),
    ...words,
  }));
  const gate = {
    names: spellingsSource(spellings),
    plainNames: spellingsSource(spellings.map(withBreaksOnly), ''),
    fuzzySeed: names.fuzzySeed,
    long,
    short,
    near,
  };
  return { ...gate, fuzzySeed: seedPassingOver(gate, COMMON_WORDS) };
}

/**
 * The starts of names' keys after which some name may break (`analyse` in trie.ts), in any of
 * the names that start so: the matcher's trie allows at each of its nodes the breaks of every
 * name through it.
 */
function prefixBreaks(names: PreparedNames): Set<string> {
  const out = new Set<string>();
  for (const { packed } of names.aliases) {
    let key = '';
    for (let i = 0; i < packed.length; i++) {
      if (packed[i] === '|') {
        out.add(key);
        i++;
      } else key += packed[i];
    }
  }
  return out;
}

/** `spelling` with a gap (`GAP`) before the atoms it may break before, and nowhere else. */
function withBreaksOnly(spelling: Spelling): Spelling {
  const { atoms, breaks = [] } = spelling;
  return { ...spelling, atoms: atoms.map((a, i) => (breaks[i] ? `${GAP}${a}` : a)) };
}

/**
 * Per entity with names that need a word near (`needsNear`), the words the gate looks for near
 * them, and the list their spellings go into; an entity whose words are none (`nearWords`) has
 * its names with the others.
 */
function nearNamesBy(
  names: PreparedNames,
): Map<number, { spellings: Spelling[]; words: Omit<NearNames, 'names'> }> {
  const keys = new Map<number, Set<string>>();
  for (const a of names.aliases) {
    if (!a.needsNear) continue;
    const own = keys.get(a.entity) ?? new Set<string>();
    keys.set(a.entity, own.add(unpackKey(a.packed)));
  }
  const out = new Map<number, { spellings: Spelling[]; words: Omit<NearNames, 'names'> }>();
  for (const [entity, own] of keys) {
    const e = names.entities[entity];
    const words = e && nearWords(e, own);
    if (words) out.set(entity, { spellings: [], words });
  }
  return out;
}

/**
 * The words of which the matcher needs one near a name of `entity` that needs a word near it
 * (`keys`, folded): its context words and a word of each context pair, within its context's
 * reach; and of each phrase that settles the name, its longest word on the side of the name
 * where the phrase has it, within the reach of such a phrase. Null when a phrase is the name
 * alone, or there is no word: the gate then opens on the name as on any other.
 */
function nearWords(
  entity: PreparedEntity,
  keys: ReadonlySet<string>,
): Omit<NearNames, 'names'> | null {
  const words = new Set(entity.context);
  const longest = (parts: string[]) =>
    parts.filter((w) => w && !keys.has(w)).sort((a, b) => b.length - a.length)[0];
  for (const pair of entity.contextPairs) {
    const w = longest(pair.split(' '));
    if (w) words.add(w);
  }
  const before = new Set<string>();
  const after = new Set<string>();
  let afterReach = 0;
  for (const cue of entity.cues ?? []) {
    const parts = cue.split(/\|[0-9a-f]/);
    const at = parts.findIndex((p) => keys.has(p));
    const w = longest(parts);
    if (!w) return null;
    // A phrase without the name as a word of its own: its word on either side.
    const side = at < 0 ? 0 : parts.indexOf(w) < at ? -1 : 1;
    if (side <= 0) before.add(w);
    if (side >= 0) {
      after.add(w);
      // Its words after the name, each after a run of separators.
      const rest = at < 0 ? parts : parts.slice(at + 1);
      const span = rest.reduce((n, p) => n + MAX_SEPARATOR_RUN + 1 + p.length, 0);
      afterReach = Math.max(afterReach, span);
    }
  }
  if (words.size + before.size + after.size === 0) return null;
  const source = (set: Set<string>) =>
    set.size > 0
      ? [...set]
          .sort((a, b) => b.length - a.length)
          .map(escapeRe)
          .join('|')
      : NEVER;
  return {
    words: source(words),
    reach: CONTEXT_REACH + Math.max(0, ...[...words].map((w) => w.length)),
    before: source(before),
    after: source(after),
    afterReach,
  };
}

/** A regex that matches nothing. */
const NEVER = '(?!)';

/**
 * The gate's seed with `words` passed over at a word start (in lower case, capitalised or in
 * capitals, followed by what ends a plain word), those forms of them only that the gate judges
 * "no" as a first word: a skipped hit is one `misspeltMay` would have turned away.
 */
export function seedPassingOver(names: GateNames, words: readonly string[]): string {
  const gate = linkGate(names);
  const forms = words.flatMap(caseForms).filter((form) => judgedNo(gate, form));
  if (forms.length === 0) return names.fuzzySeed;
  if (!names.fuzzySeed.startsWith(GLUED_WORD_START))
    throw new Error('The seed does not start with a word start');
  const skip = spellingsSource(
    forms.map((form) => ({ atoms: [...form], after: '' })),
    '',
  );
  return `${GLUED_WORD_START}(?!${skip}${PLAIN_WORD_END})${names.fuzzySeed.slice(GLUED_WORD_START.length)}`;
}

/** What ends a plain word (`ASCII_WORD`): ASCII other than letters and digits, or the end. */
const PLAIN_WORD_END = '(?![A-Za-z0-9]|[^\\0-\\x7F])';

/** Whether `word`, of ASCII letters, is a first word the gate judges "no" (see `misspeltMay`). */
function judgedNo(gate: Gate, word: string): boolean {
  if (!/^[A-Za-z]+$/.test(word) || gateOpens(gate, `${word}.`)) return false;
  return gate.words.get(word.slice(0, gate.maxLetters)) === NO;
}

export function linkGate(names: GateNames): Gate {
  const long = names.long.map((name) => ({
    ...name,
    letters: new Set([...name.key].map((c) => c.charCodeAt(0))),
  }));
  const keys = [...long.map((n) => n.key), ...names.short.map((n) => n.key)];
  let full: RegExp | undefined;
  return {
    names: () => {
      full ??= new RegExp(names.names, 'g');
      return full;
    },
    plainNames: new RegExp(names.plainNames, 'g'),
    fuzzySeed: new RegExp(names.fuzzySeed, 'g'),
    long,
    short: names.short,
    shortLengths: [
      ...new Set(names.short.flatMap(({ key }) => [key.length - 1, key.length, key.length + 1])),
    ],
    firstLetters: new Set(keys.map((k) => k.charCodeAt(0))),
    maxLetters: Math.max(
      0,
      ...long.map((n) => n.key.length + n.edits),
      ...names.short.map((n) => n.key.length + 1),
    ),
    words: new Map(),
    near: names.near.map((n) => ({
      names: new RegExp(n.names, 'g'),
      words: new RegExp(n.words),
      reach: n.reach,
      before: new RegExp(n.before),
      after: new RegExp(n.after),
      afterReach: n.afterReach,
    })),
  };
}

/**
 * Where the matcher may take separators inside a name where it does not break (`plainNames`):
 * the characters it passes over (`Cls.Ignore` in chars.ts), and a hyphen beside a line end,
 * white space between (a word hyphenated at the end of a line, `walk` in trie.ts).
 */
const UNUSUAL = new RegExp(
  `[${IGNORED_CLASS}]|[${HYPHENS_CLASS}]\\s*[\\n\\r]|[\\n\\r]\\s*[${HYPHENS_CLASS}]`,
);

/** Read past the end of a piece, for a name that starts in it: longer than any name. */
const OVERLAP = 256;
/** How far before an invisible character or a line-end hyphen a misspelling may start. */
const BACK_MAX = 64;
/** Full-width forms, and half-width katakana ("ﾏｽｸ", "ツイッタｰ"), which the matcher folds. */
const FULL_WIDTH = /[\uFF01-\uFF5E\uFF61-\uFF9F]/g;

/** A full-width form as the ASCII it stands for, a half-width katakana as the full-width one. */
function narrowOrWide(c: string): string {
  const code = c.charCodeAt(0);
  return String.fromCharCode(isFullWidth(code) ? fromFullWidth(code) : fold(code));
}

/**
 * Whether a name could start in `text` at an offset in `[from, to)` (a name may run past `to`):
 * false only where the matcher finds nothing in any part of the text read apart.
 */
export function gateOpens(gate: Gate, text: string, from = 0, to = text.length): boolean {
  const piece = from === 0 && to >= text.length ? text : text.slice(from, to + OVERLAP);
  const end = Math.min(to, text.length) - from;
  // Full-width forms ("ＳｐａｃｅＸ") as the ASCII they stand for, one for one, for the names;
  // the misspellings are looked for as written, where the seed finds full-width letters too.
  FULL_WIDTH.lastIndex = 0;
  const ascii = FULL_WIDTH.test(piece) ? piece.replace(FULL_WIDTH, narrowOrWide) : piece;
  const names = UNUSUAL.test(ascii) ? gate.names() : gate.plainNames;
  names.lastIndex = 0;
  const named = names.exec(ascii);
  if (named !== null && named.index < end) return true;
  for (const near of gate.near) {
    near.names.lastIndex = 0;
    for (let m = near.names.exec(ascii); m !== null && m.index < end; m = near.names.exec(ascii)) {
      if (wordNear(near, text, from + m.index, from + m.index + m[0].length)) return true;
    }
  }
  const { fuzzySeed } = gate;
  fuzzySeed.lastIndex = 0;
  // Hits up to `BACK_MAX` past the end too: a name that starts before the end may have its
  // unusual character after it.
  for (
    let m = fuzzySeed.exec(piece);
    m !== null && m.index < end + BACK_MAX;
    m = fuzzySeed.exec(piece)
  ) {
    const at = m.index;
    fuzzySeed.lastIndex = at + 1;
    const c0 = piece.charCodeAt(at);
    // An unusual character (an invisible one, a line-end hyphen) or a full-width letter: the
    // name may start anywhere in the word before it, as the matcher walks from that word's start.
    const unusual = !isWordCls(classOf(c0)) || isFullWidth(c0);
    if (!unusual && at >= end) continue;
    const first = unusual ? Math.max(wordStart(piece, at), at - BACK_MAX) : at;
    const last = Math.min(at, end - 1);
    for (let s = first; s <= last; s++) {
      // Not inside a word of the same script ("revenue"; "のnueralink" is a start).
      const c = piece.charCodeAt(s);
      const inWord = s > 0 && isLowerLetter(c) && classBefore(piece, s) === classOf(c);
      if (!inWord && misspeltMay(gate, piece, s)) return true;
    }
  }
  return false;
}

/** The most of the text read on each side of a name for its word near, white space and all. */
const NEAR_SCAN = 4096;

/**
 * Whether a word the matcher needs may stand near `text[start, end)` (see `NearNames`), its
 * reach counted as the matcher counts it, on the text as the reader reads it: each run of white
 * space one character. True, too, where the white space around is too long to walk.
 */
function wordNear(near: Gate['near'][number], text: string, start: number, end: number): boolean {
  /** Where the text `reach` characters from `at` ends, walking by `step`; -1 if too far. */
  const side = (at: number, step: -1 | 1, reach: number): number => {
    let n = 0;
    let i = at;
    for (let walked = 0; n < reach; walked++) {
      if (walked > NEAR_SCAN) return -1;
      const next = step < 0 ? i - 1 : i;
      if (next < 0 || next >= text.length) break;
      const space = isWs(text.charCodeAt(next));
      if (!space || !isWs(text.charCodeAt(step < 0 ? next + 1 : next - 1))) n++;
      i += step;
    }
    return i;
  };
  const has = (words: RegExp, from: number, to: number) =>
    from < 0 || to < 0 || words.test(foldKey(text.slice(from, to)));
  return (
    has(near.words, side(start, -1, near.reach), side(end, 1, near.reach)) ||
    has(near.before, side(start, -1, BLOCKER_REACH), start) ||
    has(near.after, end, side(end, 1, near.afterReach))
  );
}

function isLowerLetter(c: number): boolean {
  if (c < 128) return c >= 97 && c <= 122;
  const ch = String.fromCharCode(c);
  return ch !== ch.toUpperCase();
}

/** How many first words `Gate.words` keeps before it starts again (a page of many words). */
const WORDS_KEPT = 4096;

/** What a first word was judged (`Gate.words`): no misspelling, maybe one, or look past it. */
const NO = 0;
const MAY = 1;
const ACROSS = 2;

/** A word of ASCII letters and digits that ASCII other than those ends (or the text's end). */
const ASCII_WORD = new RegExp(`[A-Za-z0-9]+${PLAIN_WORD_END}`, 'y');

/**
 * Whether a misspelt name could start at `start`: the letters from there (across spaces and
 * marks, to the first stop) measured at every length each name allows. Within the first word,
 * where the matcher looks for a name of one word and a short name's typo ("Nueralink", "SapceX");
 * past it only after the first word of a name of two words ("Elon Muks", "Stoek Space"), as the
 * matcher does. Glued text only makes a word longer than the reader's, so each is measured at
 * every length up to the end of the word found here.
 */
function misspeltMay(gate: Gate, text: string, start: number): boolean {
  if (!gate.firstLetters.has(fold(text.charCodeAt(start)))) return false;
  // A plain word judged before is not copied again letter by letter: prose repeats its words.
  ASCII_WORD.lastIndex = start;
  const plain = ASCII_WORD.exec(text)?.[0].slice(0, gate.maxLetters);
  const known = plain === undefined ? undefined : gate.words.get(plain);
  if (known === NO || known === MAY) return known === MAY;
  let key = '';
  let written = '';
  let firstWord = -1;
  for (let i = start; i < text.length && key.length < gate.maxLetters; i++) {
    const c = text.charCodeAt(i);
    const k = classOf(c);
    if (isWordCls(k)) {
      key += String.fromCharCode(fold(c));
      written += String.fromCharCode(fromFullWidth(c));
    } else if (k === Cls.Stop) break;
    else if (k !== Cls.Ignore && firstWord < 0) firstWord = written.length;
  }
  const wordEnd = firstWord < 0 ? written.length : firstWord;
  const word = written.slice(0, wordEnd);
  const firstKey = key.slice(0, wordEnd);
  let judged = gate.words.get(word);
  if (judged === undefined) {
    if (gate.words.size >= WORDS_KEPT) gate.words.clear();
    judged = wordMay(gate, word, firstKey)
      ? MAY
      : gate.long.some((name) => startsName(name, firstKey))
        ? ACROSS
        : NO;
    gate.words.set(word, judged);
  }
  if (judged !== ACROSS) return judged === MAY;
  return gate.long.some((name) => startsName(name, firstKey) && withinEdits(name, key));
}

/** Whether a first word (folded) starts with a long name's first word, or a swap of it. */
function startsName(name: Gate['long'][number], firstKey: string): boolean {
  return name.firsts.some((f) => firstKey.startsWith(f));
}

/** Whether a misspelt name could start `word` (folded: `key`) and end inside it. */
function wordMay(gate: Gate, word: string, key: string): boolean {
  if (gate.long.some((name) => withinEdits(name, key))) return true;
  for (const n of gate.shortLengths) {
    if (n > word.length) continue;
    const part = word.slice(0, n);
    for (const alias of gate.short) {
      if (isShortTypo(part, alias) || isTailSlip(part, alias)) return true;
    }
  }
  return false;
}

/** Whether some start of `key` is within a long name's edits of it. */
function withinEdits(name: Gate['long'][number], key: string): boolean {
  // Letters the name does not have, counted as the part grows: each edit brings one at most.
  let foreign = 0;
  const shortest = name.key.length - name.edits;
  for (let n = 1; n <= Math.min(key.length, name.key.length + name.edits); n++) {
    if (!name.letters.has(key.charCodeAt(n - 1)) && ++foreign > name.edits) return false;
    if (n >= shortest && osaDistance(key.slice(0, n), name.key, name.edits) <= name.edits)
      return true;
  }
  return false;
}
