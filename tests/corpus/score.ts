/**
 * Scoring of predicted mentions against gold mentions. Pure, so the evaluation script and the
 * unit tests share it.
 */

export const CORE_ENTITIES = ['openai', 'spacex', 'stoke-space', 'neuralink'] as const;
export const EXTENDED_ENTITIES = ['sam-altman', 'elon-musk', 'xai', 'x-twitter'] as const;
export const ALL_ENTITIES = [...CORE_ENTITIES, ...EXTENDED_ENTITIES] as const;

/** The part of a mention that scoring looks at. */
export interface Span {
  entity: string;
  start: number;
  end: number;
}

/**
 * - `exact`: same entity, same start, same end.
 * - `overlap` (lenient): same entity and the spans share at least one character.
 */
export type MatchMode = 'exact' | 'overlap';

export interface ScoredMentions<G extends Span, P extends Span> {
  /** Gold and predicted mentions paired one to one. */
  matched: { gold: G; predicted: P }[];
  /** Predicted mentions with no gold partner. */
  falsePositives: P[];
  /** Gold mentions no prediction was paired with. */
  falseNegatives: G[];
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * Pairs predicted with gold mentions of one text, each at most once. In `overlap` mode the pairs
 * sharing the most characters are taken first, so one long prediction cannot claim two golds.
 */
export function scoreMentions<G extends Span, P extends Span>(
  gold: readonly G[],
  predicted: readonly P[],
  mode: MatchMode = 'exact',
): ScoredMentions<G, P> {
  const candidates: { g: number; p: number; weight: number }[] = [];
  gold.forEach((g, gi) => {
    predicted.forEach((p, pi) => {
      if (g.entity !== p.entity) return;
      if (mode === 'exact' ? g.start === p.start && g.end === p.end : overlaps(g, p)) {
        candidates.push({ g: gi, p: pi, weight: overlapLength(g, p) });
      }
    });
  });
  candidates.sort((a, b) => b.weight - a.weight || a.g - b.g || a.p - b.p);
  const goldUsed = new Set<number>();
  const predictedUsed = new Set<number>();
  const matched: { gold: G; predicted: P }[] = [];
  for (const { g, p } of candidates) {
    if (goldUsed.has(g) || predictedUsed.has(p)) continue;
    goldUsed.add(g);
    predictedUsed.add(p);
    matched.push({ gold: gold[g] as G, predicted: predicted[p] as P });
  }
  matched.sort((a, b) => a.gold.start - b.gold.start);
  return {
    matched,
    falsePositives: predicted.filter((_, i) => !predictedUsed.has(i)),
    falseNegatives: gold.filter((_, i) => !goldUsed.has(i)),
  };
}

/** Adds one text's result to per-entity tallies (created on first use). */
export function addToTally(
  tallies: Map<string, Tally>,
  result: ScoredMentions<Span, Span>,
): Map<string, Tally> {
  const get = (entity: string): Tally => {
    let tally = tallies.get(entity);
    if (!tally) {
      tally = { tp: 0, fp: 0, fn: 0 };
      tallies.set(entity, tally);
    }
    return tally;
  };
  for (const { gold } of result.matched) get(gold.entity).tp++;
  for (const p of result.falsePositives) get(p.entity).fp++;
  for (const g of result.falseNegatives) get(g.entity).fn++;
  return tallies;
}

/** Sums the tallies of the given entities (a group such as the core entities). */
export function poolTally(tallies: Map<string, Tally>, entities: readonly string[]): Tally {
  const sum: Tally = { tp: 0, fp: 0, fn: 0 };
  for (const entity of entities) {
    const t = tallies.get(entity);
    if (!t) continue;
    sum.tp += t.tp;
    sum.fp += t.fp;
    sum.fn += t.fn;
  }
  return sum;
}

/**
 * Precision, recall and F1. With nothing predicted precision is 1 (nothing claimed wrongly); with
 * nothing to find recall is 1; F1 is 0 when both are 0.
 */
export function prf({ tp, fp, fn }: Tally): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export interface CorpusScore {
  perEntity: Map<string, Tally>;
  core: Tally;
  extended: Tally;
  all: Tally;
}

/** Scores a whole corpus: `texts` pairs each text's gold mentions with the predicted ones. */
export function scoreCorpus(
  texts: Iterable<{ gold: readonly Span[]; predicted: readonly Span[] }>,
  mode: MatchMode = 'exact',
): CorpusScore {
  const perEntity = new Map<string, Tally>();
  for (const { gold, predicted } of texts)
    addToTally(perEntity, scoreMentions(gold, predicted, mode));
  return {
    perEntity,
    core: poolTally(perEntity, CORE_ENTITIES),
    extended: poolTally(perEntity, EXTENDED_ENTITIES),
    all: poolTally(perEntity, [...perEntity.keys()]),
  };
}
