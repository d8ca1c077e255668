/**
 * The matcher: the dataset's names compiled once, then `findMentions(text)`.
 *
 *   text ──seed regex──▶ word starts that could begin a name
 *        ──trie walk──▶ exact names and spelling variants        (exact-names.ts)
 *        ──fuzzy──────▶ misspellings of long names                (fuzzy-names.ts)
 *        ──vetoes─────▶ case and shape rules (shape-checks.ts), phrases that are never the
 *                       entity, "Stoke City" (not-mentions.ts), words that give an alias
 *                       another meaning, "bank" near "X.com" (context.ts), share and follow
 *                       labels, "Share on X" (page-chrome.ts), a letter
 *                       given as a name in quotes, 'called "X"' (not-mentions.ts), a stock
 *                       symbol, "(NYSE: X)" (tickers.ts)
 *        ──cues───────▶ phrases that settle an ambiguous name, "banned from X"
 *                                                                 (not-mentions.ts)
 *        ──context────▶ ambiguous short names ("Musk", "Stoke", "X") kept only with context
 *                                                                 (context.ts)
 *        ──▶ Mention[] with offsets into the original text
 *
 * The names are prepared at build time (`prepare-names.ts`) and linked on the page
 * (`linked-names.ts`); every stage is a function of the linked names.
 */
import { ACCEPT, type Candidate, SCORE } from './candidate.ts';
import { classOf, isFullWidth, isWordCls } from './chars.ts';
import { inAddress } from './addresses.ts';
import { decideByContext, otherMeaningNear, vetoNear } from './context.ts';
import { exactAt } from './exact-names.ts';
import { fuzzyAt } from './fuzzy-names.ts';
import { type LinkedAlias, type LinkedNames, linkNames } from './linked-names.ts';
import type { MatchData } from './match-data.ts';
import { hasCue, isNotMention, namedInQuotes } from './not-mentions.ts';
import { isPageChrome } from './page-chrome.ts';
import { type PreparedNames, prepareNames } from './prepare-names.ts';
import { isTicker } from './tickers.ts';
import { classBefore, continuesWord, type WalkHit } from './trie.ts';
import type { EntityId, Mention } from './types.ts';
import { wordStart } from './word-shape.ts';

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

/** A check that drops a candidate the walk or the fuzzy stage proposed. */
export type Veto = (linked: LinkedNames, text: string, cand: Candidate) => boolean;

/** Compiles the highlighted entities of `dataset` into a matcher. */
export function compileMatcher(dataset: MatchData): Matcher {
  return linkMatcher(prepareNames(dataset));
}

/** A matcher from names prepared ahead of time (`prepareNames`, possibly through JSON). */
export function linkMatcher(names: PreparedNames): Matcher {
  const linked = linkNames(names);
  return {
    findMentions: (text, options) => mentionsIn(linked, text, options),
    entities: linked.entities,
  };
}

/**
 * The candidates of `text`, in order, none overlapping: at each word start the seed lets
 * through, the longest exact name or else a misspelling, unless `veto` drops it.
 */
export function findCandidates(
  linked: LinkedNames,
  text: string,
  veto: Veto = isNotMention,
): Candidate[] {
  const { seed } = linked;
  seed.lastIndex = 0;
  const candidates: Candidate[] = [];
  const hits: WalkHit<LinkedAlias>[] = [];
  let lastEnd = 0;
  let lastStart = -1;
  for (let m = seed.exec(text); m !== null; m = seed.exec(text)) {
    let start = m.index;
    const c0 = text.charCodeAt(start);
    const k0 = classOf(c0);
    if (!isWordCls(k0) || isFullWidth(c0)) {
      // An unusual character: walk from the start of the word it sits in.
      start = wordStart(text, start);
    } else if (continuesWord(k0, classBefore(text, start))) continue;
    if (start < lastEnd || start === lastStart) continue;
    lastStart = start;
    const exact = exactAt(linked, text, start, hits);
    let cand = hits.length > 0 ? exact : fuzzyAt(linked, text, start);
    // A short name that needs context may begin a misspelled long one ("Elon Muks").
    if (cand?.pending && cand.alias.ambiguous) {
      const longer = fuzzyAt(linked, text, start);
      if (longer && longer.end > cand.end) cand = longer;
    }
    if (cand === null || veto(linked, text, cand)) continue;
    if (
      otherMeaningNear(text, cand) ||
      isPageChrome(text, cand) ||
      namedInQuotes(text, cand) ||
      inAddress(text, cand) ||
      isTicker(text, cand)
    )
      continue;
    if (cand.pending) cand.tornEnd = tornNameEnd(linked, text, cand, hits);
    candidates.push(cand);
    lastEnd = cand.end;
    if (seed.lastIndex < lastEnd) seed.lastIndex = lastEnd;
  }
  return candidates;
}

/** How far past a name the next word may start for it to be the name's own ("Stoke.” Space"). */
const TORN_GAP = 8;
/** The longest next word read. */
const TORN_WORD = 32;

/**
 * The end of the next word where, read across what stands between, it completes the candidate's
 * name ("Stoke. Space is limited", "Stoke… Space", "Stoke, space" spell "Stoke Space"); otherwise
 * undefined. The word is read in one script, as `contextNear` reads words ("Spaceは").
 */
function tornNameEnd(
  linked: LinkedNames,
  text: string,
  cand: Candidate,
  hits: WalkHit<LinkedAlias>[],
): number | undefined {
  // A lone space or hyphen the walk has already read across ("Musk said"): nothing torn, and
  // no string made for most of the names that wait on their context.
  const gap = text.charCodeAt(cand.end);
  if ((gap === 32 || gap === 45) && isWordCls(classOf(text.charCodeAt(cand.end + 1)))) {
    return undefined;
  }
  const stop = Math.min(text.length, cand.end + TORN_GAP);
  let i = cand.end;
  while (i < stop && !isWordCls(classOf(text.charCodeAt(i)))) i++;
  // Glued to the name in another script ("Stokeは"), or no word near: nothing torn.
  if (i === cand.end || i >= stop) return undefined;
  const k = classOf(text.charCodeAt(i));
  let j = i + 1;
  while (j < text.length && j - i < TORN_WORD && classOf(text.charCodeAt(j)) === k) j++;
  const name = text.slice(cand.start, cand.end);
  let word = text.slice(i, j);
  // In the name's case: "Stoke, space" is torn "Stoke Space" as much as "Stoke. Space" is.
  if (name[0] !== name[0]?.toLowerCase()) word = word.charAt(0).toUpperCase() + word.slice(1);
  const joined = `${name} ${word}`;
  const whole = exactAt(linked, joined, 0, hits);
  const torn =
    whole !== null && whole.alias.entity === cand.alias.entity && whole.end === joined.length;
  return torn ? j : undefined;
}

/** Every mention in `text`: the candidates, decided by the context model. */
export function mentionsIn(
  linked: LinkedNames,
  text: string,
  options: FindOptions = {},
  veto: Veto = isNotMention,
): Mention[] {
  const candidates = findCandidates(linked, text, veto);
  if (candidates.length === 0) return [];
  for (const c of candidates) {
    if (c.pending && c.alias.ambiguous && c.alias.entity.hasCues && hasCue(linked, text, c)) {
      c.pending = false;
      c.score = SCORE.contextMax;
      c.via = 'context';
    }
  }
  decideByContext(text, candidates, options.seen ?? new Set<EntityId>());
  dropOtherSpellings(text, candidates);
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

/**
 * Drops an ambiguous name written in capitals ("XAI") where the same text writes it in the
 * entity's own mixed case too ("xAI") and a word that vetoes the entity stands near the capitals:
 * the writer tells the two apart, and the capitals are an acronym of something else ("Not to be
 * confused with xAI … explainable AI (XAI)"). Without the veto word both name the company
 * ("xAI is hiring. XAI, Musk's AI start-up…"); in lower case, beside its proper form, a name is
 * casual writing of the same one ("Twitter … i still call it twitter").
 */
function dropOtherSpellings(text: string, candidates: Candidate[]): void {
  let own: Candidate[] | null = null;
  for (const c of candidates) {
    if (c.pending || !c.alias.ambiguous) continue;
    const written = text.slice(c.start, c.end);
    if (written !== written.toUpperCase() || written === written.toLowerCase()) continue;
    own ??= candidates.filter((o) => !o.pending && !o.alias.ambiguous && o.alias.caseSensitive);
    const lower = written.toLowerCase();
    // The same characters in another case only: "X.AI" beside "xAI" is the company's own too.
    const other = (o: Candidate) => {
      const theirs = text.slice(o.start, o.end);
      return (
        o.alias.entity === c.alias.entity &&
        theirs !== theirs.toUpperCase() &&
        theirs.toLowerCase() === lower
      );
    };
    if (!own.some(other)) continue;
    // Out for good: not `pending`, which would have the block read again as `undecided`.
    if (vetoNear(text, c, c.alias.entity.antiContext)) c.score = 0;
  }
}
