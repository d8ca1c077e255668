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
}

export interface FrontView {
  /** "Space" */
  front: string;
  /** "Stoke Space, SpaceX" */
  rivals: string;
  summary: string;
  asOf: string;
  source?: SourceView;
}

export interface FactView {
  text: string;
  date: string;
  asOf: boolean;
  source?: SourceView;
}

export interface CardModel {
  entity: string;
  name: string;
  kind: Entity['kind'];
  description: string;
  /** "Sam Altman (CEO)", several joined with "; ". */
  leader?: string;
  fronts: FrontView[];
  facts: FactView[];
  /** The dataset's as-of date. */
  asOf: string;
  /** Shown as `matched “…”` when the page wrote the name differently. */
  matched?: string;
}

/** Facts shown on a card: two to four, newest first, front-line facts before the rest. */
export const MAX_FACTS = 4;

export function cardModel(data: Dataset, entityId: string): CardModel | null {
  const entity = data.entities.find((e) => e.id === entityId);
  if (!entity) return null;
  const sources = new Map<string, Source>(data.sources.map((s) => [s.id, s]));
  const nameOf = (id: string) => data.entities.find((e) => e.id === id)?.name ?? id;
  const frontName = (id: string) => data.fronts.find((f) => f.id === id)?.name ?? id;
  const source = (id: string): SourceView | undefined => {
    const s = sources.get(id);
    return s ? { title: s.title, publisher: s.publisher, date: s.date } : undefined;
  };

  const facts = [...entity.facts]
    .sort(
      (a: Fact, b: Fact) =>
        Number(Boolean(b.fronts?.length)) - Number(Boolean(a.fronts?.length)) ||
        b.date.localeCompare(a.date),
    )
    .slice(0, MAX_FACTS)
    .sort((a, b) => b.date.localeCompare(a.date))
    .map((f) => ({ text: f.text, date: f.date, asOf: f.asOf === true, source: source(f.source) }));

  return {
    entity: entity.id,
    name: entity.name,
    kind: entity.kind,
    description: entity.description,
    leader: entity.leaders.length
      ? entity.leaders.map((l) => `${l.name} (${l.role})`).join('; ')
      : undefined,
    fronts: entity.fronts.map((f) => ({
      front: frontName(f.front),
      rivals: f.rivals.map(nameOf).join(', '),
      summary: f.summary,
      asOf: f.asOf,
      source: source(f.source),
    })),
    facts,
    asOf: data.asOf,
  };
}

/** The card of an entity for one mention of it: with `matched` when the page wrote it otherwise. */
export function withMention(model: CardModel, mention: Pick<Mention, 'text' | 'via'>): CardModel {
  return {
    ...model,
    matched: differs(mention, model.name) ? mention.text.replace(/\s+/g, ' ') : undefined,
  };
}

/** A fuzzy match, or any wording other than the canonical name ("Musk", "Space-X"). */
function differs(mention: Pick<Mention, 'text' | 'via'>, name: string): boolean {
  return mention.via === 'fuzzy' || mention.text.replace(/\s+/g, ' ').trim() !== name;
}
