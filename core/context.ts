/**
 * The context model (README.md, "How a mention is decided"). An ambiguous name starts at
 * `contextBase` and gains:
 * - `contextSeen` when the document names the entity itself, or a related one, for sure;
 *   `contextRivalry` when it names only some other entity of the rivalry (or one of them by an
 *   ambiguous name already accepted);
 * - `contextNear` when one of the entity's context words stands within CONTEXT_REACH.
 * A word of the entity's `antiContext` within that reach vetoes the name, unless the same text
 * names the entity itself unambiguously, or the page does and a context word stands near too (a
 * page about xAI still says "explainable AI (XAI)" in its hatnote); a veto word in the name's
 * own sentence, with no context word there, always counts. One-letter and Japanese short names need the context
 * word near them in any case.
 */
import { ACCEPT, type Candidate, SCORE } from './candidate.ts';
import { Cls, classOf, fold, isWordCls } from './chars.ts';
import type { LinkedEntity } from './linked-names.ts';
import { CONTEXT_REACH } from './reach.ts';
import type { EntityId } from './types.ts';
import { wordSet, wordStart } from './word-shape.ts';

const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * Scores the pending candidates on their context, and marks those that reach ACCEPT as no longer
 * pending. `seen` holds the entities the document names for sure, and gains this text's.
 */
export function decideByContext(text: string, candidates: Candidate[], seen: Set<EntityId>): void {
  const local = new Set<EntityId>();
  for (const c of candidates) if (!c.pending) local.add(c.alias.entity.id);
  for (const e of local) seen.add(e);
  // Decided on what the text names for sure, then once more with the ambiguous names just
  // accepted ("Stoke … orbit" lends weight to "Musk:" after it).
  const named = new Set(seen);
  for (let round = 0; round < 2; round++) {
    for (const c of candidates) {
      if (!c.pending) continue;
      c.score = contextScore(text, c, seen, named, local);
      c.via = 'context';
      if (c.score >= ACCEPT) {
        c.pending = false;
        named.add(c.alias.entity.id);
      }
    }
  }
}

/** The score of an ambiguous candidate, given what the document names (see the model above). */
export function contextScore(
  text: string,
  c: Candidate,
  seen: ReadonlySet<EntityId>,
  named: ReadonlySet<EntityId>,
  /** The entities this text names for sure (by default, `seen`). */
  local: ReadonlySet<EntityId> = seen,
): number {
  const e = c.alias.entity;
  // The words of a name torn by a full stop are not its context (see `Candidate.tornEnd`).
  const at = c.tornEnd === undefined ? c : { start: c.start, end: c.tornEnd };
  const around = contextNear(text, at, e);
  // A veto word counts unless the text names the entity itself for sure ("Elon Musk
  // launched a perfume. Musk said…").
  let contextWord = around === 'near';
  if (around === 'anti') {
    if (!seen.has(e.id)) return 0;
    // Outweighed, the veto word hides no context word ("Twitter … X … the online bank").
    contextWord =
      contextNear(text, at, {
        context: e.context,
        contextPairs: e.contextPairs,
        antiContext: NO_WORDS,
      }) === 'near';
    // Named only elsewhere on the page: a context word near must outweigh the veto word.
    if (!local.has(e.id) && !contextWord) return 0;
    if (antiInSentence(text, c, e)) return 0;
  }
  const near = contextWord;
  if (c.alias.needsNear && !near) return 0;
  // In lower case a name whose common word is a verb counts only in a name's place, beside a
  // context word ("stoke's second stage"; not "stoke the fire", "stoke competition").
  if (
    c.alias.lowerAsName &&
    isLower(text, c) &&
    !(near && (possessive(text, c) || lowerSubject(text, c)))
  )
    return 0;
  const subject = !near && lowerSubject(text, c);
  const doc =
    seen.has(e.id) || e.related.some((r) => seen.has(r))
      ? SCORE.contextSeen
      : named.size > (named.has(e.id) ? 1 : 0)
        ? SCORE.contextRivalry
        : 0;
  return Math.min(
    SCORE.contextMax,
    SCORE.contextBase + doc + (near || subject ? SCORE.contextNear : 0),
  );
}

/** . ! ? and the line break, as character codes. */
const SENTENCE_END = new Set([46, 33, 63, 10]);

/**
 * True when a veto word, and no context word, stands in the candidate's own sentence
 * ("explainable AI, commonly abbreviated XAI"): there the text naming the entity elsewhere does
 * not outweigh it ("Stoke's rocket test set off a fire" keeps its rocket).
 */
function antiInSentence(text: string, c: Candidate, e: LinkedEntity): boolean {
  // Within the reach a veto word is looked for anyway.
  const low = Math.max(0, c.start - CONTEXT_REACH);
  const high = Math.min(text.length, c.end + CONTEXT_REACH);
  let from = c.start;
  while (from > low && !SENTENCE_END.has(text.charCodeAt(from - 1))) from--;
  let to = c.end;
  while (to < high && !SENTENCE_END.has(text.charCodeAt(to))) to++;
  const sentence = text.slice(from, to);
  const at = { start: c.start - from, end: c.end - from };
  const none = { context: NO_WORDS, contextPairs: NO_WORDS };
  if (contextNear(sentence, at, { ...none, antiContext: e.antiContext }) !== 'anti') return false;
  return contextNear(sentence, at, { ...e, antiContext: NO_WORDS }) !== 'near';
}

/** Words after which a clause starts, in a comment ("lol twitter is down"). */
const CLAUSE_OPENERS = /* @__PURE__ */ wordSet(
  'and but so or because if when now then lol lmao omg ok okay ugh wow yeah yep honestly bro guess',
);

/** Singular verbs a bare subject takes. */
const SUBJECT_VERBS = /* @__PURE__ */ wordSet("is was has isn't wasn't hasn't isnt wasnt hasnt");

/** Verbs only a person takes as a bare subject ("elon tweets one meme"). */
const PERSON_VERBS = /* @__PURE__ */ wordSet(
  'says said tweets tweeted posts posted wants wanted thinks thought claims claimed announced bought sold promised promises keeps',
);

/** Whether the candidate is written all in lower case. */
function isLower(text: string, c: Candidate): boolean {
  const surface = text.slice(c.start, c.end);
  return surface === surface.toLowerCase();
}

/** Whether a possessive "'s" follows the candidate ("stoke's"). */
function possessive(text: string, c: Candidate): boolean {
  return /^['’]s(?![\p{L}\p{N}])/u.test(text.slice(c.end, c.end + 3));
}

/**
 * True when a name that counts in lower case with context ("twitter") opens a clause as the bare
 * subject of "is", "was" or "has" ("lol twitter is down"), or a person's name as the subject of a
 * verb only a person takes ("elon tweets one meme"): the common word it spells cannot stand
 * there (birds twitter; "the twitter of sparrows" has its article), so that is context enough.
 */
export function lowerSubject(text: string, c: Candidate): boolean {
  if (!(c.alias.lowerWithContext || c.alias.lowerAsName) || !isLower(text, c)) return false;
  const after = /^[ \t]+([\p{L}’']+)/u.exec(text.slice(c.end, c.end + 12));
  const verb = after?.[1]?.toLowerCase().replace('’', "'");
  if (verb === undefined) return false;
  if (!SUBJECT_VERBS.has(verb) && !(c.alias.entity.person && PERSON_VERBS.has(verb))) return false;
  const before = text.slice(Math.max(0, c.start - 24), c.start);
  if (/(^|[\n.!?:;,(“"—–])\s*$/.test(before)) return true;
  const word = /(\p{L}+)[ \t]+$/u.exec(before)?.[1]?.toLowerCase();
  return word !== undefined && CLAUSE_OPENERS.has(word);
}

/**
 * True when a word of the alias's own `antiContext` stands near the candidate ("bank" near
 * "X.com"): that alias then names something else whatever the rest of the page names.
 */
export function otherMeaningNear(text: string, c: Candidate): boolean {
  const anti = c.alias.antiContext;
  return anti !== null && vetoNear(text, c, anti);
}

/** True when one of the veto words `anti` stands within reach of `c` (context words aside). */
export function vetoNear(
  text: string,
  c: Pick<Candidate, 'start' | 'end'>,
  anti: ReadonlySet<string>,
): boolean {
  return (
    contextNear(text, c, { context: NO_WORDS, contextPairs: NO_WORDS, antiContext: anti }) ===
    'anti'
  );
}

/** Whether the entity's context words, or words that veto it, stand near the candidate. */
export function contextNear(
  text: string,
  c: Pick<Candidate, 'start' | 'end'>,
  e: Pick<LinkedEntity, 'context' | 'contextPairs' | 'antiContext'>,
): 'near' | 'anti' | 'none' {
  const from = Math.max(0, c.start - CONTEXT_REACH);
  const to = Math.min(text.length, c.end + CONTEXT_REACH);
  let found: 'near' | 'none' = 'none';
  let prev = '';
  // A word the reach cuts into is read whole ("network", not its tail "work").
  let i = from;
  if (i > 0 && isWordCls(classOf(text.charCodeAt(i)))) i = wordStart(text, i);
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
