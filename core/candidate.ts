/**
 * A candidate mention, as the stages hand it on, and the scores it may get: the walk and the
 * fuzzy lookup propose candidates, the vetoes drop some, the context model decides the rest.
 */
import type { LinkedAlias } from './linked-names.ts';
import type { MatchKind } from './types.ts';

export interface Candidate {
  alias: LinkedAlias;
  start: number;
  end: number;
  score: number;
  via: MatchKind;
  /** Needs context to count. */
  pending: boolean;
  /**
   * Where the words of the name itself end, past a full stop that tore it ("Stoke. Space is
   * limited"): those words are no context for it.
   */
  tornEnd?: number;
}

/** Scores. A mention is reported when its score reaches ACCEPT. */
export const SCORE = {
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

export const ACCEPT = 0.75;
