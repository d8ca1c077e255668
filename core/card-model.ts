/**
 * What a hover card shows, taken from the dataset: pure, so the card component only lays it out.
 * The background builds it (`getCard`): the content script of every page carries no card text;
 * it adds only how the page wrote the name (`withMention`).
 */
import type { Dataset, Entity, Fact, Source } from './dataset.ts';
import type { Mention } from './types.ts';

export interface SourceView {
  title: string;
  publisher: string;
  date: string;
  /** The date is inferred (the source does not print one): shown as "c. <date>". */
  dateInferred?: boolean;
  /** The source's address; without one the card names the source without a link. */
  url?: string;
}

export interface LeaderView {
  name: string;
  role: string;
  entity?: string;
}

/** An entity named on a card, whose own card the reader can open from there. */
export interface EntityRef {
  id: string;
  name: string;
}

export interface FrontView {
  /** "Space" */
  front: string;
  /** Stoke Space and SpaceX, in the dataset's order: each opens its own card. */
  rivals: EntityRef[];
  summary: string;
  source?: SourceView;
}

export interface FactView {
  text: string;
  date: string;
  source?: SourceView;
}

export interface CardModel {
  entity: string;
  name: string;
  kind: Entity['kind'];
  /** Highlighted on pages; the others (Google, Merge Labs…) are reached from other cards. */
  highlight: boolean;
  /** One line: the dataset's description, or its first sentence when it is long. */
  description: string;
  /** Who leads it, each with the entity of their own card where the dataset has one. */
  leaders: LeaderView[];
  /** Year founded and headquarters, where known. */
  founded?: number;
  headquarters?: string;
  fronts: FrontView[];
  /** Behind "More"; none repeats a front's summary. */
  facts: FactView[];
  /** The dataset's as-of date. */
  asOf: string;
  /**
   * The entity's own spellings, lower case and without white space: a mention written as one of
   * them is no variant worth a note ("SpaceX", "Space X", "Altman").
   */
  spellings: string[];
  /** Shown as `matched “…”` when the page wrote a variant or a misspelling. */
  matched?: string;
}

/** Facts shown on a card: two to four, newest first, front-line facts before the rest. */
export const MAX_FACTS = 4;

/** A description longer than this is cut to its first sentence, to stay one line. */
export const DESCRIPTION_CHARS = 90;

/** Share of a fact's words found in a front summary above which the fact only repeats it. */
export const REPEAT_OVERLAP = 0.6;

export function cardModel(data: Dataset, entityId: string): CardModel | null {
  const entity = data.entities.find((e) => e.id === entityId);
  if (!entity) return null;
  const nameOf = (id: string) => data.entities.find((e) => e.id === id)?.name ?? id;
  const frontName = (id: string) => data.fronts.find((f) => f.id === id)?.name ?? id;
  const source = (id: string) => sourceView(data, id);
  const summaries = entity.fronts.map((f) => f.summary);

  const facts = entity.facts
    .filter((f) => !summaries.some((s) => repeats(f.text, s)))
    .sort(
      (a: Fact, b: Fact) =>
        Number(Boolean(b.fronts?.length)) - Number(Boolean(a.fronts?.length)) ||
        b.date.localeCompare(a.date),
    )
    .slice(0, MAX_FACTS)
    .sort((a, b) => b.date.localeCompare(a.date))
    .map((f) => ({ text: f.text, date: f.date, source: source(f.source) }));

  return {
    entity: entity.id,
    name: entity.name,
    kind: entity.kind,
    highlight: entity.highlight,
    description: oneLine(entity.description),
    leaders: entity.leaders.map((l) => ({
      name: l.name,
      role: l.role,
      ...(l.entity && data.entities.some((e) => e.id === l.entity) ? { entity: l.entity } : {}),
    })),
    ...(entity.founded ? { founded: entity.founded } : {}),
    ...(entity.headquarters ? { headquarters: entity.headquarters } : {}),
    fronts: entity.fronts.map((f) => ({
      front: frontName(f.front),
      rivals: f.rivals.map((id) => ({ id, name: nameOf(id) })),
      summary: f.summary,
      source: source(f.source),
    })),
    facts,
    asOf: data.asOf,
    spellings: [...new Set([entity.name, ...entity.aliases.map((a) => a.text)].map(spelling))],
  };
}

/** A source as cards show it, or undefined when the dataset has no source by that id. */
export function sourceView(data: Pick<Dataset, 'sources'>, id: string): SourceView | undefined {
  const s: Source | undefined = data.sources.find((x) => x.id === id);
  if (!s) return undefined;
  const view: SourceView = { title: s.title, publisher: s.publisher, date: s.date };
  if (s.dateInferred) view.dateInferred = true;
  if (s.url) view.url = s.url;
  return view;
}

/** The facts about the wider industry that belong to no entity, newest first, with their sources. */
export function landscapeFacts(data: Pick<Dataset, 'sources' | 'landscape'>): FactView[] {
  return [...(data.landscape ?? [])]
    .sort((a, b) => b.date.localeCompare(a.date))
    .map((f) => ({ text: f.text, date: f.date, source: sourceView(data, f.source) }));
}

/** The description's first sentence when the whole is too long for one line. */
export function oneLine(description: string): string {
  if (description.length <= DESCRIPTION_CHARS) return description;
  // A sentence ends at ". " before a capital: not inside "Inc." or "U.S. rules".
  const end = description.search(/[.!?](?=\s+\p{Lu})/u);
  return end > 0 ? description.slice(0, end + 1) : description;
}

/** The words of a text, lower case, for comparing two texts whatever their punctuation. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * True when `fact` says what `summary` says: most of its words (short ones aside, they are in
 * every sentence) appear in the summary.
 */
export function repeats(fact: string, summary: string): boolean {
  const own = words(fact).filter((w) => w.length > 3);
  if (own.length === 0) return false;
  const theirs = new Set(words(summary));
  const shared = own.filter((w) => theirs.has(w)).length;
  return shared / own.length >= REPEAT_OVERLAP;
}

/** A spelling as the note compares it: case and white space aside, hyphens and dots kept. */
function spelling(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The card of an entity for one mention of it: with `matched` when the page wrote it otherwise. */
export function withMention(model: CardModel, mention: Pick<Mention, 'text' | 'via'>): CardModel {
  const text = mention.text.replace(/\s+/g, ' ').trim();
  return { ...model, matched: isVariant(model, mention) ? text : undefined };
}

/**
 * A misspelling ("Nueralink", found by the fuzzy stage) or a way of writing a name that none of
 * the entity's own spellings is, case and spacing aside ("Space-X"); not an ordinary surname
 * ("Musk") nor another case of the name ("SPACEX").
 */
function isVariant(model: CardModel, mention: Pick<Mention, 'text' | 'via'>): boolean {
  return mention.via === 'fuzzy' || !model.spellings.includes(spelling(mention.text));
}
