/** Identifier of an entity in the bundled dataset, e.g. `stoke-space`. */
export type EntityId = string;

/** One occurrence of an entity's name in a text. */
export interface Mention {
  /** The entity this text names. */
  entity: EntityId;
  /** JavaScript string offset of the first character, into the ORIGINAL text. */
  start: number;
  /** JavaScript string offset just past the last character (exclusive), into the ORIGINAL text. */
  end: number;
  /** `original.slice(start, end)`. */
  text: string;
  /**
   * Confidence in (0, 1]: 1 for an exact canonical name, lower for spelling variants,
   * typos and ambiguous short names that were accepted only because of their context.
   */
  score: number;
  /** How the mention was recognised; shown on cards ("matched “Nueralink”"). */
  via: MatchKind;
}

/**
 * - `exact`: an alias as written in the dataset (case and spacing aside).
 * - `variant`: an alias written with different spacing, hyphens, or split over a line.
 * - `fuzzy`: a misspelling of an alias (edit distance), accepted by the fuzzy stage.
 * - `context`: an ambiguous alias ("Musk", "Stoke", "X") accepted because of its context.
 */
export type MatchKind = 'exact' | 'variant' | 'fuzzy' | 'context';
