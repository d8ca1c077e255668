/**
 * Build-time preparation: everything about the highlighted entities' names that does not depend
 * on a page, as plain JSON, so the build does it once and every page only links the result
 * (`linkMatcher`). Folding names, reading their word breaks and making the seed regex's source
 * run through Unicode regexes and `normalize()`, whose first use in a new renderer is slow; a
 * page that links prepared names pays for none of it.
 */
import { aliasKey } from './alias-key.ts';
import { FULL_WIDTH_LETTERS_CLASS, foldKey, IGNORED_CLASS } from './chars.ts';
import { innerSwaps } from './edit-distance.ts';
import type { MatchData, MatchEntity } from './match-data.ts';
import { analyse, packKey } from './trie.ts';
import type { EntityId } from './types.ts';
import { hasUpper, isUpper, lettersOf } from './word-shape.ts';

export interface PreparedNames {
  entities: PreparedEntity[];
  aliases: PreparedAlias[];
  /** Names of two words that may be misspelled in their second: first word's key → aliases. */
  fuzzyFirstWords: [string, number[]][];
  /** Source of the regex that finds word starts worth a walk (flags `gi`). */
  seed: string;
  /**
   * The same for the word starts where a misspelling may begin (those whose first letter starts
   * a name that may be misspelt), in glued text: the gate's (`gate.ts`, flags `g`).
   */
  fuzzySeed: string;
}

export interface PreparedEntity {
  id: EntityId;
  person?: boolean;
  /** Share and follow widgets name it ("Share on X"). */
  platform?: true;
  related: EntityId[];
  /** Folded context words. */
  context: string[];
  /** Folded two-word context phrases, "first second". */
  contextPairs: string[];
  antiContext: string[];
  /** Phrases that are never the entity ("Stoke City"), packed (`packKey`). */
  blockers: string[];
  /** Phrases that settle an ambiguous name is the entity ("banned from X"), packed. */
  cues?: string[];
}

/**
 * An alias as shipped: its flags left out when false (JSON keeps the content script small), its
 * key packed with its breaks (`packKey`), its entity an index into `entities`. The linked form
 * (`LinkedAlias` in `linked-names.ts`) says what each flag means.
 */
export interface PreparedAlias {
  entity: number;
  /** As the dataset writes it; its letters (`lettersOf`) are worked out when linked. */
  written: string;
  packed: string;
  ambiguous?: true;
  caseSensitive?: true;
  capitalised?: true;
  needsNear?: true;
  /** Misspellings of it are looked for. */
  fuzzy?: true;
  lowerWithContext?: true;
  lowerAsName?: true;
  noPhrase?: true;
  /** Folded words that, near this alias, show it names something else. */
  antiContext?: string[];
}

/**
 * Each seed's first letters, with the letters a name may go on with after them (null: any, for
 * a prefix that is a whole name, or that a misspelling may go on from with any letter).
 */
type SeedPrefixes = Map<string, Set<string> | null>;

/** `true`, or nothing: JSON.stringify leaves the property out. */
const flag = (b: boolean): true | undefined => (b ? true : undefined);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function addPrefix(prefixes: SeedPrefixes, prefix: string, next: string | null): void {
  const known = prefixes.get(prefix);
  if (known === null) return;
  prefixes.set(prefix, next === null ? null : (known ?? new Set<string>()).add(next));
}

/** The first letters of a name worth a walk: three (two in katakana), or up to its first break. */
function addSeed(prefixes: SeedPrefixes, { key, breaks }: { key: string; breaks: number[] }) {
  let len = Math.min(key.length, /[\u30a0-\u30ff]/.test(key[0] ?? '') ? 2 : 3);
  for (let i = 1; i < len; i++) if (breaks[i]) len = i;
  addPrefix(prefixes, key.slice(0, len), key[len] ?? null);
}

function prepareEntity(entity: MatchEntity): PreparedEntity {
  const context: string[] = [];
  const contextPairs: string[] = [];
  for (const word of entity.context ?? []) {
    const parts = word.split(/\s+/).map(foldKey).filter(Boolean);
    if (parts.length === 1) context.push(parts[0] as string);
    else if (parts.length >= 2) contextPairs.push(`${parts[0]} ${parts[1]}`);
  }
  return {
    id: entity.id,
    person: flag(entity.kind === 'person'),
    platform: flag(entity.platform === true),
    related: entity.related ?? [],
    context,
    contextPairs,
    antiContext: (entity.antiContext ?? []).map(foldKey),
    blockers: (entity.notMentions ?? []).map((phrase) => packKey(analyse(phrase))),
    cues: entity.cues?.map((phrase) => packKey(analyse(phrase))),
  };
}

function prepareAlias(
  alias: MatchEntity['aliases'][number],
  entity: number,
  analysed: ReturnType<typeof analyse>,
): PreparedAlias {
  const letters = lettersOf(alias.text);
  return {
    entity,
    written: alias.text,
    packed: packKey(analysed),
    ambiguous: flag(alias.ambiguous === true),
    caseSensitive: flag(alias.caseSensitive === true),
    capitalised: flag(
      letters.length > 1 && isUpper(letters[0] as string) && !hasUpper(letters.slice(1)),
    ),
    // A name of one letter ("X") and Japanese short names ("マスク" is also a face mask).
    needsNear: flag(
      aliasKey(alias.text).length === 1 || (alias.ambiguous === true && alias.lang === 'ja'),
    ),
    fuzzy: flag(alias.fuzzy === true),
    lowerWithContext: flag(alias.lowerCaseWithContext === true),
    lowerAsName: flag(alias.lowerCaseAsName === true),
    noPhrase: flag(alias.noPhrase === true),
    antiContext: alias.antiContext?.map(foldKey),
  };
}

/** Works out everything about the highlighted entities' names that does not depend on a page. */
export function prepareNames(dataset: MatchData): PreparedNames {
  const entities: PreparedEntity[] = [];
  const aliases: PreparedAlias[] = [];
  const prefixes: SeedPrefixes = new Map();
  const fuzzyFirstWords = new Map<string, number[]>();

  for (const entity of dataset.entities as MatchEntity[]) {
    if (!entity.highlight) continue;
    const index = entities.length;
    entities.push(prepareEntity(entity));
    for (const alias of entity.aliases) {
      const k = analyse(alias.text);
      aliases.push(prepareAlias(alias, index, k));
      addSeed(prefixes, k);
      if (!alias.fuzzy) continue;
      const words = alias.text.split(/[\s・]+/);
      if (words.length > 1) {
        const first = foldKey(words[0] as string);
        fuzzyFirstWords.set(first, [...(fuzzyFirstWords.get(first) ?? []), aliases.length - 1]);
        // Seeds for a first word with two letters swapped ("Stoek Space"). A swap within the
        // first three letters makes a prefix of its own, let through with any letter after it
        // (a short name's typo may start with it too: "Sma" and "SmaceX"); one further in keeps
        // the name's prefix, with the letter the swap puts after it.
        for (const v of innerSwaps(first)) {
          const same = v.slice(0, 3) === first.slice(0, 3);
          addPrefix(prefixes, v.slice(0, 3), same ? (v[3] ?? null) : null);
        }
      } else {
        // Seeds for misspellings of the first letters: a dropped, swapped or doubled letter
        // (the first of them is the name's own first letters), with any letter after them.
        const [a = '', b = '', c = '', d = ''] = k.key;
        for (const v of [a + b + c, a + c + d, a + b + d, a + c + b, a + b + d + c]) {
          addPrefix(prefixes, v.slice(0, 3), null);
        }
      }
    }
  }
  const fuzzyFirst = new Set(aliases.filter((a) => a.fuzzy).map((a) => a.packed[0]));
  const fuzzyPrefixes: SeedPrefixes = new Map(
    [...prefixes].filter(([prefix]) => fuzzyFirst.has(prefix[0])),
  );
  return {
    entities,
    aliases,
    fuzzyFirstWords: [...fuzzyFirstWords],
    seed: seedSource(prefixes),
    fuzzySeed: seedSource(fuzzyPrefixes, true),
  };
}

/**
 * A word start in glued text (the gate's seed): after anything but a letter or digit, or a
 * capital after them ("AISpaceX").
 */
export const GLUED_WORD_START = '(?:(?<![A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[A-Z]))';

/** A letter as a class of both its cases (for a regex without the `i` flag). */
const bothCases = (s: string) =>
  [...s].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : escapeRe(c))).join('');

/**
 * Word starts worth a walk: the first letters of every name, and anything unusual that a name
 * could hide behind (full-width letters, zero-width characters, line-end hyphens). `glued`: the
 * gate's (`gate.ts`), for text whose blocks may be glued, which has no `i` flag: a capital
 * inside a word may start a name too ("AISpaceX").
 */
function seedSource(seedPrefixes: SeedPrefixes, glued = false): string {
  const prefixes = [...seedPrefixes.keys()].sort((a, b) => b.length - a.length);
  // A Latin prefix is not followed by a plain letter that no name goes on with ("same", "stock",
  // "must" are not worth a walk); anything else after it (a space, a hyphen, a soft hyphen, an
  // accented or full-width letter) still is, for the walk to judge.
  const latin = prefixes
    .filter((p) => /^[a-z0-9]/.test(p))
    .map((p) => {
      const next = seedPrefixes.get(p);
      const never = next ? [...'abcdefghijklmnopqrstuvwxyz'].filter((c) => !next.has(c)) : [];
      const letters = glued ? bothCases(p) : escapeRe(p);
      if (never.length === 0) return letters;
      return `${letters}(?![${never.join('')}${glued ? never.join('').toUpperCase() : ''}])`;
    });
  const other = prefixes.filter((p) => !/^[a-z0-9]/.test(p)).map(escapeRe);
  return [
    // The look-behind drops most mid-word hits inside the regex engine; word starts after
    // other letters ("éspace") are checked again in code.
    `${glued ? GLUED_WORD_START : '(?<![A-Za-z0-9])'}(?:${latin.join('|')})`,
    ...other,
    `[${FULL_WIDTH_LETTERS_CLASS}${IGNORED_CLASS}]`,
    '[-\\u2010\\u2011][\\r\\n]',
  ].join('|');
}
