/**
 * `validateDataset(input)`: the schema of `core/dataset.ts`, then the checks a schema cannot
 * express (ids unique, aliases unique across entities, every reference resolves). Every message
 * names the entity (or source, or front) and the field, so that a bad edit of
 * `data/rivalry.json` can be found from the message alone:
 *
 *   entity "stoke-space" › fronts[0].rivals: must name at least one rival
 *
 * Pure: runs in tests and in the build hook of `wxt.config.ts` (not in pages: see rivalry-data.ts).
 */
import * as v from 'valibot';
import raw from '../data/rivalry.json';
import { aliasKey } from './alias-key.ts';
import { type Dataset, DatasetSchema, type Fact } from './dataset.ts';

/** Highlighted entities the extension is built around: the dataset must define all of them. */
export const REQUIRED_HIGHLIGHTED = [
  'openai',
  'spacex',
  'stoke-space',
  'neuralink',
  'sam-altman',
  'elon-musk',
  'xai',
  'x-twitter',
] as const;

/** A highlighted entity's card needs something on both halves. */
const MIN_FRONTS = 1;
const MIN_FACTS = 2;

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

/** Validates `input` (parsed JSON) as a dataset; on failure, every problem found, one per message. */
export function validateDataset(input: unknown): ValidationResult {
  const parsed = v.safeParse(DatasetSchema, input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.issues.map((issue) => schemaMessage(input, issue)) };
  }
  const errors = crossReferenceErrors(parsed.output);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, dataset: parsed.output };
}

type PathItem = { key: unknown };

/** `["facts", 0, "date"]` → `facts[0].date`. */
function formatPath(keys: readonly unknown[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** What a top-level array holds, for the start of a message. */
const OWNERS: Record<string, string> = { entities: 'entity', sources: 'source', fronts: 'front' };

/**
 * `entity "stoke-space" › fronts[0].rivals` for a path into the raw input: the entity is named
 * by its id where it has one, by its index otherwise.
 */
function where(input: unknown, keys: readonly unknown[]): string {
  const [top, index, ...rest] = keys;
  const owner = typeof top === 'string' ? OWNERS[top] : undefined;
  if (owner === undefined || typeof index !== 'number') return formatPath(keys) || 'dataset';
  const item = (input as Record<string, unknown[] | undefined> | null)?.[top as string]?.[index];
  const id = (item as { id?: unknown } | null | undefined)?.id;
  const head = typeof id === 'string' && id !== '' ? `${owner} "${id}"` : formatPath([top, index]);
  return rest.length > 0 ? `${head} › ${formatPath(rest)}` : head;
}

function schemaMessage(input: unknown, issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item: PathItem) => item.key);
  return `${where(input, keys)}: ${describeIssue(issue)}`;
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' || issue.type === 'object') {
    if (issue.received === 'undefined') return 'is missing';
    if (issue.expected === 'never') return 'is not a field of the schema (misspelt?)';
  }
  if (issue.type === 'url') return `must be a URL, not ${issue.received}`;
  if (issue.kind === 'schema') {
    const expected = issue.type === 'picklist' ? `one of ${issue.expected}` : issue.expected;
    return `must be ${expected}, not ${issue.received}`;
  }
  return issue.message;
}

/** The checks across records that the schema cannot express. */
function crossReferenceErrors(data: Dataset): string[] {
  const errors: string[] = [];
  const entityIds = new Set(data.entities.map((e) => e.id));
  const sourceIds = new Set(data.sources.map((s) => s.id));
  const frontIds = new Set(data.fronts.map((f) => f.id));

  duplicates(data.entities.map((e) => e.id)).forEach((indices, id) => {
    errors.push(
      `entity "${id}" › id: used by ${indices.length} entities (${list('entities', indices)})`,
    );
  });
  duplicates(data.sources.map((s) => s.id)).forEach((indices, id) => {
    errors.push(
      `source "${id}" › id: used by ${indices.length} sources (${list('sources', indices)})`,
    );
  });
  duplicates(data.fronts.map((f) => f.id)).forEach((indices, id) => {
    errors.push(
      `front "${id}" › id: described ${indices.length} times (${list('fronts', indices)})`,
    );
  });

  // Aliases are compared by key, as the matcher compares them; two entities may not share one.
  // The same key twice within one entity ("xAI", "X.AI") is a spelling variant and allowed.
  const aliasOwner = new Map<string, { entity: string; text: string }>();
  for (const entity of data.entities) {
    entity.aliases.forEach((alias, i) => {
      const key = aliasKey(alias.text);
      const at = `entity "${entity.id}" › aliases[${i}].text`;
      if (key === '') {
        errors.push(`${at}: "${alias.text}" has no letters or digits`);
        return;
      }
      const owner = aliasOwner.get(key);
      if (owner === undefined) aliasOwner.set(key, { entity: entity.id, text: alias.text });
      else if (owner.entity !== entity.id) {
        errors.push(
          `${at}: "${alias.text}" is also an alias of entity "${owner.entity}" ("${owner.text}")`,
        );
      }
    });
  }

  data.sources.forEach((source) => {
    if (source.date > data.asOf) {
      errors.push(
        `source "${source.id}" › date: ${source.date} is after the dataset's asOf (${data.asOf})`,
      );
    }
  });

  const checkDate = (at: string, date: string) => {
    // Dates of different precision compare correctly as strings: "2025-12" < "2025-12-05".
    if (date > data.asOf) errors.push(`${at}: ${date} is after the dataset's asOf (${data.asOf})`);
  };
  /** `at` names the list: `entity "openai" › facts` or `landscape`. */
  const checkFacts = (at: string, facts: readonly Fact[]) => {
    facts.forEach((fact, i) => {
      if (!sourceIds.has(fact.source))
        errors.push(`${at}[${i}].source: no source "${fact.source}"`);
      checkDate(`${at}[${i}].date`, fact.date);
      fact.fronts?.forEach((front, j) => {
        if (!frontIds.has(front)) {
          errors.push(`${at}[${i}].fronts[${j}]: front "${front}" is not described in fronts`);
        }
      });
    });
  };

  for (const entity of data.entities) {
    const at = `entity "${entity.id}" › `;
    entity.leaders.forEach((leader, i) => {
      if (leader.entity !== undefined && !entityIds.has(leader.entity)) {
        errors.push(`${at}leaders[${i}].entity: no entity "${leader.entity}"`);
      }
    });
    entity.related?.forEach((id, i) => {
      if (id === entity.id) errors.push(`${at}related[${i}]: an entity is not related to itself`);
      else if (!entityIds.has(id)) errors.push(`${at}related[${i}]: no entity "${id}"`);
    });
    entity.context?.forEach((word, i) => {
      if (word !== word.toLowerCase())
        errors.push(`${at}context[${i}]: "${word}" must be lower case`);
    });
    entity.aliases.forEach((alias, i) => {
      alias.antiContext?.forEach((word, j) => {
        if (word !== word.toLowerCase())
          errors.push(`${at}aliases[${i}].antiContext[${j}]: "${word}" must be lower case`);
      });
    });
    const seenFronts = new Set<string>();
    entity.fronts.forEach((role, i) => {
      if (!frontIds.has(role.front)) {
        errors.push(`${at}fronts[${i}].front: front "${role.front}" is not described in fronts`);
      }
      if (seenFronts.has(role.front)) {
        errors.push(`${at}fronts[${i}].front: "${role.front}" is listed twice`);
      }
      seenFronts.add(role.front);
      role.rivals.forEach((rival, j) => {
        if (rival === entity.id) {
          errors.push(`${at}fronts[${i}].rivals[${j}]: an entity is not its own rival`);
        } else if (!entityIds.has(rival)) {
          errors.push(`${at}fronts[${i}].rivals[${j}]: no entity "${rival}"`);
        }
      });
      if (!sourceIds.has(role.source)) {
        errors.push(`${at}fronts[${i}].source: no source "${role.source}"`);
      }
      checkDate(`${at}fronts[${i}].asOf`, role.asOf);
    });
    checkFacts(`${at}facts`, entity.facts);
    if (entity.highlight) {
      if (entity.fronts.length < MIN_FRONTS) {
        errors.push(`${at}fronts: a highlighted entity needs at least ${MIN_FRONTS} front`);
      }
      if (entity.facts.length < MIN_FACTS) {
        errors.push(
          `${at}facts: a highlighted entity needs at least ${MIN_FACTS} facts (has ${entity.facts.length})`,
        );
      }
    }
  }
  checkFacts('landscape', data.landscape ?? []);

  for (const id of REQUIRED_HIGHLIGHTED) {
    const entity = data.entities.find((e) => e.id === id);
    if (entity === undefined) errors.push(`entities: the required entity "${id}" is missing`);
    else if (!entity.highlight) {
      errors.push(`entity "${id}" › highlight: must be true (a required highlighted entity)`);
    }
  }
  return errors;
}

/** Values that occur more than once, each with the indices where it occurs. */
function duplicates(values: readonly string[]): Map<string, number[]> {
  const at = new Map<string, number[]>();
  values.forEach((value, i) => {
    at.set(value, [...(at.get(value) ?? []), i]);
  });
  return new Map([...at].filter(([, indices]) => indices.length > 1));
}

function list(top: string, indices: readonly number[]): string {
  return indices.map((i) => `${top}[${i}]`).join(', ');
}

/** `data/rivalry.json` (or `input`), validated; throws with every problem found when invalid. */
export function loadDataset(input: unknown = raw): Dataset {
  const result = validateDataset(input);
  if (!result.ok) {
    throw new Error(`data/rivalry.json is invalid:\n  ${result.errors.join('\n  ')}`);
  }
  return result.dataset;
}
