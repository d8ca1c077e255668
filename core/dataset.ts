/**
 * The schema of the bundled rivalry dataset (`data/rivalry.json`); the checks across records
 * are in `validate-dataset.ts`. Pure: runs in Node, in tests, at build time and in the extension.
 */
import * as v from 'valibot';
import { ENTITY_ID_PATTERN } from './entity-id.ts';

const isoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD'),
);
const id = v.pipe(v.string(), v.regex(ENTITY_ID_PATTERN, 'must be kebab-case'));
const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

export const FRONT_IDS = ['ai', 'space', 'bci', 'social'] as const;
export type FrontId = (typeof FRONT_IDS)[number];

const AliasSchema = v.strictObject({
  /** The name as people write it. Matching ignores case, spacing and hyphens unless `caseSensitive`. */
  text,
  /**
   * Too ambiguous to count alone ("Musk", "Stoke", "X"): counts only with context, see
   * `core/context.ts`.
   */
  ambiguous: v.optional(v.boolean()),
  /** Only this exact casing counts ("xAI", not "XAI" which is explainable AI). */
  caseSensitive: v.optional(v.boolean()),
  /**
   * Misspellings within a small edit distance count too ("Nueralink"); for a short name written
   * in camel case, a swap of two letters or a slip before its last capitals ("SapceX", "SpaseX").
   */
  fuzzy: v.optional(v.boolean()),
  /**
   * With `caseSensitive`, written all in lower case it still counts where its context says so, as
   * an ambiguous name does ("twitter" in a comment beside "bluesky"; not birds that twitter).
   */
  lowerCaseWithContext: v.optional(v.boolean()),
  /**
   * With `caseSensitive`, written all in lower case it counts only where a name stands, as a
   * possessive or the subject of a verb, and with a context word near it ("stoke's second stage"):
   * for a name whose common word is a verb ("stoke the fire").
   */
  lowerCaseAsName: v.optional(v.boolean()),
  /**
   * A name of several words that are no phrase of their own ("Neura Link"): written all in lower
   * case it counts as its one-word form does, where "open ai" or "space x" need context.
   */
  noPhrase: v.optional(v.boolean()),
  /** A legal or formal name ("Space Exploration Technologies Corp."). */
  legal: v.optional(v.boolean()),
  /** BCP 47 language of a localised form ("ja" for katakana forms). */
  lang: v.optional(v.string()),
  /**
   * Words whose presence near this alias shows it names something else, whatever else the page
   * names ("bank" near "X.com", the online bank of 1999 that became PayPal).
   */
  antiContext: v.optional(v.array(text)),
});

/** An address a reader can open: http(s) only, so a card never links to `javascript:` or a file. */
const webUrl = v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//, 'must be an http(s) address'));

const SourceSchema = v.strictObject({
  id,
  /** The headline (or page title) as published. */
  title: text,
  /** The outlet's name ("Reuters", "TechCrunch", "Wikipedia"). */
  publisher: text,
  /** Publication date of the source (for a reference such as Wikipedia, the date it was read). */
  date: isoDate,
  /** The outlet's own address, or a Wikipedia article or permanent revision link. */
  url: webUrl,
  /** `true` when the source does not state its date and `date` is inferred from its content. */
  dateInferred: v.optional(v.literal(true)),
});

const FactSchema = v.strictObject({
  text,
  /** When the event happened (not when it was reported), or, with `asOf`, the date the statement was true. */
  date: isoDate,
  /** `true` when `date` is an "as of" date (a state that may change) rather than an event date. */
  asOf: v.optional(v.boolean()),
  source: id,
  fronts: v.optional(v.array(v.picklist(FRONT_IDS))),
});

const FrontRoleSchema = v.strictObject({
  front: v.picklist(FRONT_IDS),
  /** Who is on the other side of this front. */
  rivals: v.pipe(v.array(id), v.minLength(1, 'must name at least one rival')),
  /** What happened on this front, from this entity's side, in one or two sentences. */
  summary: text,
  asOf: isoDate,
  source: id,
});

const LeaderSchema = v.strictObject({
  name: text,
  role: text,
  /** The leader's own entity, where the dataset has one. */
  entity: v.optional(id),
});

const EntitySchema = v.strictObject({
  id,
  name: text,
  kind: v.picklist(['company', 'person', 'product']),
  /** Highlighted on pages. Context entities (Google, Nvidia…) appear in cards only. */
  highlight: v.boolean(),
  /** One line. */
  description: v.pipe(text, v.maxLength(200, 'must be one line (200 characters at most)')),
  founded: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1800), v.maxValue(2100))),
  headquarters: v.optional(text),
  leaders: v.array(LeaderSchema),
  aliases: v.pipe(v.array(AliasSchema), v.minLength(1, 'must have at least one alias')),
  /** Words whose presence near an ambiguous alias makes it count ("rocket" for "Stoke"). */
  context: v.optional(v.array(text)),
  /**
   * Words whose presence near an ambiguous alias shows it means something else ("perfume" near
   * "Musk", "explainable" near "XAI"); they outweigh every other context.
   */
  antiContext: v.optional(v.array(text)),
  /** Phrases that contain an alias but never name this entity ("Stoke City", "musk ox"). */
  notMentions: v.optional(v.array(text)),
  /**
   * Phrases around an ambiguous alias that settle it names this entity with no other context
   * ("banned from X", "X users"); `notMentions` still win over them.
   */
  cues: v.optional(v.array(text)),
  /**
   * A platform that share and follow widgets name ("Share on X", "Follow us on Twitter"): its
   * name in such a label standing alone is page furniture, not a mention (`core/page-chrome.ts`).
   */
  platform: v.optional(v.boolean()),
  /** Entities whose unambiguous mention in the same text lends context ("Elon Musk" → "Musk"). */
  related: v.optional(v.array(id)),
  fronts: v.array(FrontRoleSchema),
  facts: v.array(FactSchema),
});

const FrontSchema = v.strictObject({
  id: v.picklist(FRONT_IDS),
  name: text,
  description: text,
});

export const DatasetSchema = v.strictObject({
  /** Bumped on every change of the data, so that a newer file can be told from an older one. */
  version: v.pipe(v.number(), v.integer(), v.minValue(1, 'must be a positive integer')),
  /** The date the dataset as a whole is true as of. */
  asOf: isoDate,
  fronts: v.array(FrontSchema),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1)),
  /**
   * Facts about the wider industry that belong to no entity of the dataset ("a boom in
   * hypersonic-missile start-ups"): kept so that every claim of a source has a home.
   */
  landscape: v.optional(v.array(FactSchema)),
  entities: v.pipe(v.array(EntitySchema), v.minLength(1)),
});

export type Dataset = v.InferOutput<typeof DatasetSchema>;
export type Entity = Dataset['entities'][number];
export type Alias = Entity['aliases'][number];
export type Fact = Entity['facts'][number];
export type FrontRole = Entity['fronts'][number];
export type Source = Dataset['sources'][number];
