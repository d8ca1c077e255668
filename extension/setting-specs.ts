/**
 * What each stored setting is, as plain data: its storage key, default, version, migrations and
 * schema. `settings.ts` makes storage items of them for the popup, options page and background;
 * the content script reads them with `content/lens/settings-view.ts`, without a storage framework.
 * Where each setting lives and how corrupt values are handled: see `settings.ts`.
 */
import * as v from 'valibot';
import { ENTITY_ID_PATTERN } from '../core/entity-id';
import type { GeneratedI18nStructure } from './i18n';
import type { EntityId } from '../core/types';
import { type Dismissal, dismissalKey, dismissalText } from './dismissal';
import { SETTING_KEYS } from './setting-keys';
import { isSiteKey, siteOf } from './site';
import type { Migrations, StorageKey } from './storage-layout';

export type HighlightStyle = 'fill' | 'underline';

/** The keys of `locales/*.yml` that name a setting. */
export type SettingLabelKey = Extract<keyof GeneratedI18nStructure, `settings.${string}`>;

// ---------------------------------------------------------------------------------------------
// Schemas

const siteKey = v.pipe(
  v.string('must be a host name written as text'),
  v.check(isSiteKey, 'must be a host name in lower case without “www.”, e.g. example.com'),
);
const entityId = v.pipe(
  v.string('must be an entity id written as text'),
  v.regex(ENTITY_ID_PATTERN, 'must be an entity id such as stoke-space'),
);
/**
 * A repeated entry is harmless (two tabs adding the same thing at once can cause one), so it
 * is dropped on read rather than making the whole list count as corrupt.
 */
const unique = <T>(key: (item: T) => string) =>
  v.transform<T[], T[]>((items) => {
    const seen = new Set<string>();
    return items.filter((item) => {
      const k = key(item);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  });

const DisabledSitesSchema = v.pipe(
  v.array(siteKey, 'must be a list of sites'),
  unique((s: string) => s),
);
const PausedSchema = v.boolean('must be true or false');
const HiddenEntitiesSchema = v.pipe(
  v.array(entityId, 'must be a list of entity ids'),
  unique((s: string) => s),
);
const HighlightStyleSchema = v.picklist(
  ['fill', 'underline'] as const,
  'must be "fill" or "underline"',
);
/** Below 100 ms a pointer passing by opens cards; above 2 s nobody waits. */
export const DWELL_MIN_MS = 100;
export const DWELL_MAX_MS = 2000;
const DwellMsSchema = v.pipe(
  v.number('must be a number of milliseconds'),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(DWELL_MIN_MS, `must be at least ${DWELL_MIN_MS} ms`),
  v.maxValue(DWELL_MAX_MS, `must be at most ${DWELL_MAX_MS} ms`),
);
const DismissalSchema = v.strictObject({
  site: siteKey,
  entity: entityId,
  text: v.pipe(
    v.string(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(200, 'must be at most 200 characters'),
  ),
  page: v.optional(
    v.pipe(
      v.string(),
      v.startsWith('/', 'must be a page path starting with “/”'),
      v.maxLength(2000, 'must be at most 2000 characters'),
    ),
  ),
});
const DismissalsSchema = v.pipe(
  v.array(DismissalSchema, 'must be a list of dismissed mentions'),
  unique(dismissalKey),
);

/** A schema's complaints in words: the first three, each with its place in the value. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

// ---------------------------------------------------------------------------------------------
// Migrations. Each takes whatever was stored under the previous version and must not throw on
// a value of the wrong shape: it returns it unchanged and validation then falls back.

/** v1 → v2: v1 stored whatever host its caller passed; v2 stores site keys, once each, sorted. */
function migrateDisabledSitesV2(old: unknown): unknown {
  if (!Array.isArray(old) || !old.every((s) => typeof s === 'string')) return old;
  return [...new Set((old as string[]).map((s) => siteOf(s.trim())))].sort();
}

/** v1 → v2: site keys as in `disabledSites`, wording with spaces collapsed, no duplicates. */
function migrateDismissalsV2(old: unknown): unknown {
  if (!Array.isArray(old)) return old;
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const item of old as Partial<Dismissal>[]) {
    if (typeof item?.site !== 'string' || typeof item.text !== 'string') return old;
    const next = {
      ...item,
      site: siteOf(item.site.trim()),
      text: dismissalText(item.text),
    } as Dismissal;
    // v2 compared wording case aside, so its duplicates are found the same way.
    const key = `${next.site}\n${next.entity}\n${next.text.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(next);
  }
  return out;
}

/**
 * v2 → v3: v2 had no page scope and compared wording case-insensitively. Each v2 entry kept the
 * wording as the reader pointed at it, so it stays as it is, a dismissal on the whole site (as
 * it was made); only entries that the case-keeping key now tells apart stay apart.
 */
function migrateDismissalsV3(old: unknown): unknown {
  if (!Array.isArray(old)) return old;
  const out: Dismissal[] = [];
  for (const item of old as Partial<Dismissal>[]) {
    if (typeof item?.site !== 'string' || typeof item.text !== 'string') return old;
    const { page: _, ...siteWide } = item as Dismissal;
    out.push(siteWide);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Definitions

/** chrome.storage.sync.QUOTA_BYTES_PER_ITEM, counted as Chrome does: key plus JSON value. */
const SYNC_ITEM_BYTES = 8192;

export interface SettingSpec<T> {
  /** `area:key`, as `@wxt-dev/storage` names it (see `./storage-layout.ts`). */
  key: StorageKey;
  /** How the options page names it: a key of `locales/*.yml` (the words stay out of pages). */
  label: SettingLabelKey;
  /** Every stored, watched or imported value is checked against it (sync items: size too). */
  schema: v.GenericSchema<T>;
  fallback: T;
  version: number;
  migrations: Migrations;
}

function spec<T>(
  s: Omit<SettingSpec<T>, 'migrations'> & { migrations?: SettingSpec<T>['migrations'] },
): SettingSpec<T> {
  const schema =
    s.key.startsWith('sync:') && s.schema.type !== 'boolean'
      ? v.pipe(
          s.schema,
          v.check(
            (value) => syncBytes(s.key, value) <= SYNC_ITEM_BYTES,
            'is too large to sync (over 8 KB); remove some entries',
          ),
        )
      : s.schema;
  return { ...s, schema, migrations: s.migrations ?? {} };
}

function syncBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key.slice('sync:'.length) + JSON.stringify(value)).length;
}

/** Every setting by the name it has in exported files. */
export const SPECS = {
  /** Sites where Rivalry Lens is off. A site covers its subdomains (see `./site.ts`). */
  disabledSites: spec<string[]>({
    key: SETTING_KEYS.disabledSites,
    label: 'settings.disabledSites',
    schema: DisabledSitesSchema,
    fallback: [],
    version: 2,
    migrations: { 2: migrateDisabledSitesV2 },
  }),
  /** Global pause: off everywhere while true. */
  paused: spec<boolean>({
    key: SETTING_KEYS.paused,
    label: 'settings.paused',
    schema: PausedSchema,
    fallback: false,
    version: 1,
  }),
  /** Entities the user chose not to highlight; new entities in the dataset start highlighted. */
  hiddenEntities: spec<EntityId[]>({
    key: SETTING_KEYS.hiddenEntities,
    label: 'settings.hiddenEntities',
    schema: HiddenEntitiesSchema,
    fallback: [],
    version: 1,
  }),
  highlightStyle: spec<HighlightStyle>({
    key: SETTING_KEYS.highlightStyle,
    label: 'settings.highlightStyle',
    schema: HighlightStyleSchema,
    fallback: 'fill',
    version: 1,
  }),
  /** How long the pointer must rest on a mention before its card opens, in ms. */
  dwellMs: spec<number>({
    key: SETTING_KEYS.dwellMs,
    label: 'settings.dwellMs',
    schema: DwellMsSchema,
    fallback: 300,
    version: 1,
  }),
  /** False positives dismissed with "Not this" on a card. */
  dismissals: spec<Dismissal[]>({
    key: SETTING_KEYS.dismissals,
    label: 'settings.dismissals',
    schema: DismissalsSchema,
    fallback: [],
    version: 3,
    migrations: { 2: migrateDismissalsV2, 3: migrateDismissalsV3 },
  }),
} as const;

export type SettingName = keyof typeof SPECS;
export type SettingValues = {
  [K in SettingName]: (typeof SPECS)[K] extends SettingSpec<infer T> ? T : never;
};
export const SETTING_NAMES = Object.keys(SPECS) as SettingName[];

/**
 * A stored value as this version reads it: the setting's default when it is absent or does not
 * match the schema. (WXT's storage items migrate what is stored; a settings file is migrated as
 * it is imported, `settings-file.ts`.)
 */
export function readStored<T>(spec: SettingSpec<T>, value: unknown): T {
  if (value == null) return structuredClone(spec.fallback);
  const result = v.safeParse(spec.schema, value);
  return result.success ? result.output : structuredClone(spec.fallback);
}
