/**
 * The matcher: the dataset's names compiled once, then `findMentions(text)`.
 *
 *   text ──seed regex──▶ word starts that could begin a name
 *        ──trie walk──▶ exact names, with spelling variants (case, spaces, hyphens, line breaks,
 *                       zero-width and full-width characters)
 *        ──fuzzy──────▶ misspellings of long names (fuse.js ranks, edit distance decides)
 *        ──checks─────▶ case rules, phrases that are never the entity ("Stoke City")
 *        ──context────▶ ambiguous short names ("Musk", "Stoke", "X") kept only with context
 *        ──▶ Mention[] with offsets into the original text
 *
 * The context model is described in README.md ("How a mention is decided").
 */
import { aliasKey } from './alias-key.ts';
import { Cls, classOf, fold, foldKey, isWordCls } from './chars.ts';
import { FuzzyIndex } from './fuzzy.ts';
import type { MatchData, MatchEntity } from './match-data.ts';
import {
  analyse,
  classAt,
  classBefore,
  continuesWord,
  insertPacked,
  newNode,
  packKey,
  type TrieNode,
  unpackKey,
  type WalkHit,
  walk,
} from './trie.ts';
import type { EntityId, MatchKind, Mention } from './types.ts';

export interface FindOptions {
  /**
   * Entities already named unambiguously elsewhere in the same document (read, and updated
   * with this text's). Lets "Musk" in one paragraph count after "Elon Musk" in another.
   */
  seen?: Set<EntityId>;
  /**
   * Filled with the entities whose ambiguous names this text holds but could not yet count for
   * want of context; they may count once the document names the entity elsewhere. Callers that
   * read a document piece by piece use it to read such pieces again.
   */
  undecided?: Set<EntityId>;
}

export interface Matcher {
  findMentions(text: string, options?: FindOptions): Mention[];
  /** The entity ids this matcher highlights. */
  readonly entities: readonly EntityId[];
}

interface CompiledAlias {
  entity: CompiledEntity;
  written: string;
  /** Folded key (see `analyse`). */
  key: string;
  /** Written letters and digits, case kept (for case-sensitive names). */
  letters: string;
  ambiguous: boolean;
  caseSensitive: boolean;
  /** "Musk" → "MUSK" is accepted in all-capital text. */
  capitalised: boolean;
  /** Written with a trailing abbreviation dot ("Corp."), which belongs to the name. */
  trailingDot: boolean;
  /**
   * Needs context words near it, not only elsewhere in the text: a name of one letter ("X"),
   * and Japanese short names ("マスク" is also a face mask).
   */
  needsNear: boolean;
}

interface CompiledEntity {
  id: EntityId;
  person: boolean;
  related: EntityId[];
  context: Set<string>;
  contextPairs: Set<string>;
  antiContext: Set<string>;
}

interface Blocker {
  entity: EntityId;
  key: string;
}

interface Candidate {
  alias: CompiledAlias;
  start: number;
  end: number;
  score: number;
  via: MatchKind;
  /** Needs context to count. */
  pending: boolean;
}

/** Scores. A mention is reported when its score reaches ACCEPT. */
const SCORE = {
  exact: 1,
  variant: 0.9,
  lowerCase: 0.85,
  fuzzy: 0.75,
  contextBase: 0.55,
  contextSeen: 0.25,
  contextRivalry: 0.2,
  contextNear: 0.2,
  contextMax: 0.9,
} as const;
const ACCEPT = 0.75;
/** How far around an ambiguous name its context words are looked for, in characters. */
const CONTEXT_REACH = 120;
/** How far before a name a phrase that blocks it may start ("Robert Altman"). */
const BLOCKER_REACH = 48;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Letters and digits of `s`, compatibility forms resolved, case kept. */
function lettersOf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isWordCls(classOf(c))) {
      out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : s[i];
    }
  }
  return out;
}

/** The words of `s`, each as its letters with case kept, split where the walker may split. */
function wordsOf(s: string): string[] {
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

/** A word that looks like part of a name: capitalised, a number, or in a script without case. */
function looksLikeName(word: string): boolean {
  const first = word[0] as string;
  return isUpper(first) || /\d/.test(first) || first.toLowerCase() === first.toUpperCase();
}
function lastWordLength(s: string): number {
  return wordsOf(s).at(-1)?.length ?? 0;
}
function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}
function hasLower(s: string): boolean {
  return s !== s.toUpperCase();
}
function hasUpper(s: string): boolean {
  return s !== s.toLowerCase();
}

/**
 * The names worked out ahead of time: plain JSON, so the build can do this once and every page
 * only links the result (`linkMatcher`). Folding names, reading their word breaks and making the
 * seed regex's source run through Unicode regexes and `normalize()`, whose first use in a new
 * renderer costs milliseconds; a page that links prepared names pays for none of it.
 */
export interface PreparedNames {
  entities: PreparedEntity[];
  aliases: PreparedAlias[];
  /** Names of two words that may be misspelled in their second: first word's key → aliases. */
  fuzzyFirstWords: [string, number[]][];
  /** Source of the regex that finds word starts worth a walk (flags `gi`). */
  seed: string;
}

interface PreparedEntity {
  id: EntityId;
  person?: boolean;
  related: EntityId[];
  /** Folded context words. */
  context: string[];
  /** Folded two-word context phrases, "first second". */
  contextPairs: string[];
  antiContext: string[];
  /** Phrases that are never the entity ("Stoke City"), packed (`packKey`). */
  blockers: string[];
}

/** Flags of a `CompiledAlias` that take more than the written name to work out. */
type Flag = 'ambiguous' | 'caseSensitive' | 'capitalised' | 'needsNear';

/**
 * A `CompiledAlias` as shipped: its flags left out when false (JSON keeps the content script
 * small), its key packed with its breaks (`packKey`), its entity an index into `entities`.
 * `key` and `trailingDot` are read off `packed` and `written` when linked.
 */
type PreparedAlias = Pick<CompiledAlias, 'written' | 'letters'> &
  Partial<Pick<CompiledAlias, Flag>> & {
    entity: number;
    packed: string;
    /** Misspellings of it are looked for. */
    fuzzy?: boolean;
  };

/** `true`, or nothing: JSON.stringify leaves the property out. */
const flag = (b: boolean): true | undefined => (b ? true : undefined);

/** Works out everything about the highlighted entities' names that does not depend on a page. */
export function prepareNames(dataset: MatchData): PreparedNames {
  const entities: PreparedEntity[] = [];
  const aliases: PreparedAlias[] = [];
  /**
   * Each seed's first letters, with the letters a name may go on with after them (null: any, for
   * a prefix that is a whole name, or that a misspelling may go on from with any letter).
   */
  const seedPrefixes = new Map<string, Set<string> | null>();
  const addPrefix = (prefix: string, next: string | null) => {
    const known = seedPrefixes.get(prefix);
    if (known === null) return;
    seedPrefixes.set(prefix, next === null ? null : (known ?? new Set<string>()).add(next));
  };
  const fuzzyFirstWords = new Map<string, number[]>();

  const addSeed = ({ key, breaks }: { key: string; breaks: number[] }) => {
    let len = Math.min(key.length, /[\u30a0-\u30ff]/.test(key[0] ?? '') ? 2 : 3);
    for (let i = 1; i < len; i++) if (breaks[i]) len = i;
    addPrefix(key.slice(0, len), key[len] ?? null);
  };

  for (const entity of dataset.entities as MatchEntity[]) {
    if (!entity.highlight) continue;
    const index = entities.length;
    const context: string[] = [];
    const contextPairs: string[] = [];
    for (const word of entity.context ?? []) {
      const parts = word.split(/\s+/).map(foldKey).filter(Boolean);
      if (parts.length === 1) context.push(parts[0] as string);
      else if (parts.length >= 2) contextPairs.push(`${parts[0]} ${parts[1]}`);
    }
    entities.push({
      id: entity.id,
      person: flag(entity.kind === 'person'),
      related: entity.related ?? [],
      context,
      contextPairs,
      antiContext: (entity.antiContext ?? []).map(foldKey),
      blockers: (entity.notMentions ?? []).map((phrase) => packKey(analyse(phrase))),
    });
    for (const alias of entity.aliases) {
      const letters = lettersOf(alias.text);
      const k = analyse(alias.text);
      aliases.push({
        entity: index,
        written: alias.text,
        packed: packKey(k),
        letters,
        ambiguous: flag(alias.ambiguous === true),
        caseSensitive: flag(alias.caseSensitive === true),
        capitalised: flag(
          letters.length > 1 && isUpper(letters[0] as string) && !hasUpper(letters.slice(1)),
        ),
        needsNear: flag(
          aliasKey(alias.text).length === 1 || (alias.ambiguous === true && alias.lang === 'ja'),
        ),
        fuzzy: flag(alias.fuzzy === true),
      });
      addSeed(k);
      if (alias.fuzzy) {
        const words = alias.text.split(/[\s・]+/);
        if (words.length > 1) {
          const first = foldKey(words[0] as string);
          fuzzyFirstWords.set(first, [...(fuzzyFirstWords.get(first) ?? []), aliases.length - 1]);
        } else {
          // Seeds for misspellings of the first letters: a dropped, swapped or doubled letter
          // (the first of them is the name's own first letters), with any letter after them.
          const [a = '', b = '', c = '', d = ''] = k.key;
          for (const v of [a + b + c, a + c + d, a + b + d, a + c + b, a + b + d + c]) {
            addPrefix(v.slice(0, 3), null);
          }
        }
      }
    }
  }

  // Word starts worth a walk: the first letters of every name, and anything unusual that a
  // name could hide behind (full-width letters, zero-width characters, line-end hyphens).
  const prefixes = [...seedPrefixes.keys()].sort((a, b) => b.length - a.length);
  // A Latin prefix is not followed by a plain letter that no name goes on with ("same", "stock",
  // "must" are not worth a walk); anything else after it (a space, a hyphen, a soft hyphen, an
  // accented or full-width letter) still is, for the walk to judge.
  const latin = prefixes
    .filter((p) => /^[a-z0-9]/.test(p))
    .map((p) => {
      const next = seedPrefixes.get(p);
      const never = next ? [...'abcdefghijklmnopqrstuvwxyz'].filter((c) => !next.has(c)) : [];
      return never.length > 0 ? `${escapeRe(p)}(?![${never.join('')}])` : escapeRe(p);
    });
  const other = prefixes.filter((p) => !/^[a-z0-9]/.test(p)).map(escapeRe);
  const seed = [
    // The look-behind drops most mid-word hits inside the regex engine; word starts after
    // other letters ("éspace") are checked again in code.
    `(?<![A-Za-z0-9])(?:${latin.join('|')})`,
    ...other,
    '[\\uFF21-\\uFF3A\\uFF41-\\uFF5A\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]',
    '[-\\u2010\\u2011][\\r\\n]',
  ].join('|');

  return { entities, aliases, fuzzyFirstWords: [...fuzzyFirstWords], seed };
}

/** Compiles the highlighted entities of `dataset` into a matcher. */
export function compileMatcher(dataset: MatchData): Matcher {
  return linkMatcher(prepareNames(dataset));
}

/** A matcher from names prepared ahead of time (`prepareNames`, possibly through JSON). */
export function linkMatcher(names: PreparedNames): Matcher {
  const entityObjects: CompiledEntity[] = names.entities.map((e) => ({
    id: e.id,
    person: e.person === true,
    related: e.related,
    context: new Set(e.context),
    contextPairs: new Set(e.contextPairs),
    antiContext: new Set(e.antiContext),
  }));
  const trie: TrieNode<CompiledAlias> = newNode();
  const fuzzyNames: { key: string; value: CompiledAlias }[] = [];
  const compiled = names.aliases.map((a) => {
    const alias: CompiledAlias = {
      entity: entityObjects[a.entity] as CompiledEntity,
      written: a.written,
      key: unpackKey(a.packed),
      letters: a.letters,
      ambiguous: a.ambiguous === true,
      caseSensitive: a.caseSensitive === true,
      capitalised: a.capitalised === true,
      trailingDot: a.written.endsWith('.'),
      needsNear: a.needsNear === true,
    };
    insertPacked(trie, a.packed, alias);
    if (a.fuzzy) fuzzyNames.push({ key: alias.key, value: alias });
    return alias;
  });
  const fuzzyFirstWords = new Map(
    names.fuzzyFirstWords.map(([word, list]) => [
      word,
      list.map((i) => compiled[i] as CompiledAlias),
    ]),
  );
  const entities = names.entities.map((e) => e.id);

  // Built on first need: a page with no candidate name never pays for them.
  let blockerTrie: TrieNode<Blocker> | undefined;
  const blockers = (): TrieNode<Blocker> => {
    if (!blockerTrie) {
      blockerTrie = newNode();
      for (const { id, blockers } of names.entities)
        for (const packed of blockers)
          insertPacked(blockerTrie, packed, { entity: id, key: unpackKey(packed) });
    }
    return blockerTrie;
  };
  // Its fuse.js index is made on the first word that could be a misspelling.
  const fuzzy = new FuzzyIndex(fuzzyNames);
  const fuzzyFirstLetters = new Set(fuzzyNames.map(({ key }) => key.charCodeAt(0)));
  const fuzzyFirstWordLengths = new Set([...fuzzyFirstWords.keys()].map((w) => w.length));

  // One regex for every call (findMentions is synchronous and never re-entered): a page calls
  // it once per block, and parsing a new regex each time would cost more than most blocks.
  const seed = new RegExp(names.seed, 'gi');

  function findMentions(text: string, options: FindOptions = {}): Mention[] {
    seed.lastIndex = 0;
    const candidates: Candidate[] = [];
    const hits: WalkHit<CompiledAlias>[] = [];
    let lastEnd = 0;
    let lastStart = -1;
    for (let m = seed.exec(text); m !== null; m = seed.exec(text)) {
      let start = m.index;
      const c0 = text.charCodeAt(start);
      const k0 = classOf(c0);
      if (!isWordCls(k0) || (c0 >= 0xff01 && c0 <= 0xff5e)) {
        // An unusual character: walk from the start of the word it sits in.
        start = wordStart(text, start);
      } else if (continuesWord(k0, classBefore(text, start))) continue;
      if (start < lastEnd || start === lastStart) continue;
      lastStart = start;
      hits.length = 0;
      walk(text, start, trie, hits);
      const cand = hits.length > 0 ? bestExact(text, start, hits) : fuzzyAt(text, start);
      if (cand === null || blocked(text, cand)) continue;
      candidates.push(cand);
      lastEnd = cand.end;
      if (seed.lastIndex < lastEnd) seed.lastIndex = lastEnd;
    }

    if (candidates.length === 0) return [];
    const seen = options.seen ?? new Set<EntityId>();
    for (const c of candidates) if (!c.pending) seen.add(c.alias.entity.id);
    // Ambiguous names: decided on what the text names for sure, then once more with the
    // ambiguous names just accepted ("Stoke … orbit" lends weight to "Musk:" after it).
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
    const mentions: Mention[] = [];
    for (const c of candidates) {
      // Names that need a context word beside them gain nothing from the rest of the document.
      if (c.pending && !c.alias.needsNear) options.undecided?.add(c.alias.entity.id);
      if (c.score >= ACCEPT && !c.pending) {
        mentions.push({
          entity: c.alias.entity.id,
          start: c.start,
          end: c.end,
          text: text.slice(c.start, c.end),
          score: Math.round(c.score * 100) / 100,
          via: c.via,
        });
      }
    }
    return mentions;
  }

  /** The longest name found by the walk that passes the case and shape checks. */
  function bestExact(
    text: string,
    start: number,
    found: WalkHit<CompiledAlias>[],
  ): Candidate | null {
    for (let h = found.length - 1; h >= 0; h--) {
      const hit = found[h] as WalkHit<CompiledAlias>;
      const surface = text.slice(start, hit.end);
      const letters = lettersOf(surface);
      const plainSplit = hit.split && !hit.hyphenated;
      // "Genitive "s" only after a person's name ("Musks Zeitpläne"; not "SpaceXs").
      if (hit.genitive && !hit.terminals.some((a) => a.entity.person)) continue;
      // "Space X-ray": a split name may not end in a letter or two that starts a hyphenated
      // word ("Stoke Space-Gründer" is fine).
      if (
        plainSplit &&
        lastWordLength(surface) <= 2 &&
        classAt(text, hit.end) === Cls.Hyphen &&
        isWordCls(classAt(text, hit.end + 1))
      )
        continue;
      for (const alias of hit.terminals) {
        const cand = check(text, start, hit, alias, surface, letters, plainSplit);
        if (cand) return cand;
      }
    }
    return null;
  }

  function check(
    text: string,
    start: number,
    hit: WalkHit<CompiledAlias>,
    alias: CompiledAlias,
    surface: string,
    letters: string,
    plainSplit: boolean,
  ): Candidate | null {
    const allCaps = !hasLower(letters) && letters.length > 1;
    if (alias.caseSensitive && letters !== alias.letters) {
      if (!(alias.capitalised && allCaps && letters === alias.letters.toUpperCase())) return null;
    }
    // "Open AI", "Space X", "Stoke Space": a company's name written in several words must look
    // like a name (every word capitalised); all in lower case it needs context ("open ai"),
    // in mixed case it is ordinary words ("open AI models", "space X-ray").
    let lowerSplit = false;
    // A name split only by dots is written that way on purpose ("x.AI", "X.com").
    if (plainSplit && !alias.entity.person && !/^[\p{L}\p{N}.]+$/u.test(surface)) {
      if (!hasUpper(letters) && hasLower(letters)) lowerSplit = true;
      else if (!wordsOf(surface).every(looksLikeName)) return null;
    }
    // "Kimbal Musk", "Jack Altman": a surname after another capitalised given name is someone
    // else (titles such as "CEO Musk" or "Mr Altman" are not given names).
    if (alias.ambiguous && alias.entity.person && otherGivenName(text, start)) return null;
    let end = hit.end;
    if (alias.trailingDot && text.charCodeAt(end) === 46) end++;
    const exact =
      surface === alias.written || (alias.trailingDot && `${surface}.` === alias.written);
    const score = exact ? SCORE.exact : hasUpper(letters) ? SCORE.variant : SCORE.lowerCase;
    const via: MatchKind = exact ? 'exact' : 'variant';
    return { alias, start, end, score, via, pending: alias.ambiguous || lowerSplit };
  }

  /** A misspelled long name starting at `start`, if any. */
  function fuzzyAt(text: string, start: number): Candidate | null {
    if (fuzzyNames.length === 0 || !fuzzyFirstLetters.has(fold(text.charCodeAt(start))))
      return null;
    // Words of no fitting length are turned away before any string is made.
    const w1 = wordSpan(text, start);
    const whole = fuzzy.lengths.has(w1.letters);
    if (!whole && !fuzzyFirstWordLengths.has(w1.letters)) return null;
    const key1 = foldKey(text.slice(start, w1.end));
    let found = whole ? fuzzy.lookup(key1) : null;
    let end = w1.end;
    if (found === null || found.value.written.includes(' ')) {
      found = null;
      // A name of two words: the first written right, the second misspelled ("Elon Muks").
      const aliases = fuzzyFirstWords.get(key1);
      if (aliases === undefined) return null;
      const sepEnd = skipSpaces(text, w1.end);
      if (sepEnd === w1.end || !isWordCls(classOf(text.charCodeAt(sepEnd)))) return null;
      const w2 = wordSpan(text, sepEnd);
      const two = fuzzy.lookup(key1 + foldKey(text.slice(sepEnd, w2.end)));
      if (two === null || !aliases.includes(two.value)) return null;
      const words = wordsOf(text.slice(start, w2.end));
      if (!words.every(looksLikeName)) return null;
      found = two;
      end = w2.end;
    }
    if (found.distance === 0) return null;
    return { alias: found.value, start, end, score: SCORE.fuzzy, via: 'fuzzy', pending: false };
  }

  /** True when a phrase that never names the entity ("Stoke City") covers the candidate. */
  function blocked(text: string, cand: Candidate): boolean {
    const from = Math.max(0, cand.start - BLOCKER_REACH);
    const found: WalkHit<Blocker>[] = [];
    for (let i = from; i <= cand.start; i++) {
      const k = classOf(text.charCodeAt(i));
      if (!isWordCls(k) || continuesWord(k, classBefore(text, i))) continue;
      found.length = 0;
      walk(text, i, blockers(), found);
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

  /**
   * The context model. An ambiguous name starts at `contextBase` and gains:
   * - `contextSeen` when the document names the entity itself, or a related one, for sure;
   *   `contextRivalry` when it names only some other entity of the rivalry (or one of them
   *   by an ambiguous name already accepted);
   * - `contextNear` when one of the entity's context words stands within CONTEXT_REACH.
   * A word of the entity's `antiContext` within that reach vetoes the name, unless the
   * document names the entity itself unambiguously.
   * One-letter and Japanese short names need the context word near them in any case.
   */
  function contextScore(
    text: string,
    c: Candidate,
    seen: Set<EntityId>,
    named: Set<EntityId>,
  ): number {
    const e = c.alias.entity;
    const around = contextNear(text, c, e);
    // A veto word counts unless the text names the entity itself for sure ("Elon Musk
    // launched a perfume. Musk said…").
    if (around === 'anti' && !seen.has(e.id)) return 0;
    const near = around === 'near';
    if (c.alias.needsNear && !near) return 0;
    const doc =
      seen.has(e.id) || e.related.some((r) => seen.has(r))
        ? SCORE.contextSeen
        : named.size > (named.has(e.id) ? 1 : 0)
          ? SCORE.contextRivalry
          : 0;
    return Math.min(SCORE.contextMax, SCORE.contextBase + doc + (near ? SCORE.contextNear : 0));
  }

  /** Whether the entity's context words, or words that veto it, stand near the candidate. */
  function contextNear(text: string, c: Candidate, e: CompiledEntity): 'near' | 'anti' | 'none' {
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

  return { findMentions, entities };
}

function wordStart(text: string, i: number): number {
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

/** Capitalised words that stand before a surname without being a given name. */
const TITLES = new Set(
  'mr mrs ms dr sir ceo chief boss billionaire founder cofounder president tycoon mogul entrepreneur executive investor chairman owner says said and vs'.split(
    ' ',
  ),
);

/**
 * True when the word right before `start` (one space away, same line) is a capitalised word
 * that is not a title: the surname then belongs to another person ("Kimbal Musk").
 */
function otherGivenName(text: string, start: number): boolean {
  if (text.charCodeAt(start - 1) !== 32) return false;
  let i = start - 1;
  while (i > 0 && isWordCls(classOf(text.charCodeAt(i - 1)))) i--;
  const word = text.slice(i, start - 1);
  if (word.length < 2 || !/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  // The start of a sentence is not a given name ("Yesterday Musk said").
  const before = text.slice(Math.max(0, i - 3), i).trimEnd();
  if (before === '' || /[.!?:|"“(]$/.test(before)) return false;
  return !TITLES.has(word.toLowerCase());
}

/** Where the word starting at `i` ends, and how many letters it has (invisible ones skipped). */
function wordSpan(text: string, i: number): { end: number; letters: number } {
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

function skipSpaces(text: string, i: number): number {
  let j = i;
  while (j < text.length && j - i < 3 && classOf(text.charCodeAt(j)) === Cls.Space) j++;
  return j;
}
