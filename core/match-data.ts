/**
 * The part of the dataset that finding mentions needs: names, context words and blockers, no
 * descriptions, facts or sources. The content script of every page carries only this (a build
 * step makes it, see `match-data-plugin.ts`); the cards' text stays in the background, which
 * answers `getCard`.
 *
 * `compileMatcher` takes this type, so the compiler itself checks that the matcher reads nothing
 * the projection leaves out.
 */
import type { Dataset, Entity } from './dataset.ts';

/** Fields of an entity the matcher reads. */
export const MATCH_FIELDS = [
  'id',
  'kind',
  'highlight',
  'aliases',
  'context',
  'antiContext',
  'notMentions',
  'cues',
  'platform',
  'related',
] as const;

export type MatchEntity = Pick<Entity, (typeof MATCH_FIELDS)[number]>;

export interface MatchData {
  entities: MatchEntity[];
}

/** The highlighted entities, with the fields of `MATCH_FIELDS` only. */
export function matchData(dataset: Pick<Dataset, 'entities'>): MatchData {
  return {
    entities: dataset.entities
      .filter((e) => e.highlight)
      .map((e) => {
        const out: Record<string, unknown> = {};
        for (const field of MATCH_FIELDS) if (e[field] !== undefined) out[field] = e[field];
        return out as MatchEntity;
      }),
  };
}
