/**
 * Every stored setting, defined once: its storage area, default, version, migrations and the
 * schema every stored, watched or imported value is checked against.
 *
 * Where each setting lives:
 * - `sync` for the small choices a person expects on every browser they sign into
 *   (sites turned off, hidden entities, highlight style, dwell delay). Sync allows 8 KB per
 *   item; the schemas refuse a value that would not fit, so a save never half-succeeds.
 * - `local` for the global pause (a "not now" on this machine, not a preference to spread)
 *   and the dismissed false positives (a list that grows with browsing and would soon
 *   outgrow sync's quota).
 *
 * Corrupt values: a stored value that does not match its schema (hand-edited, written by a
 * buggy build, garbled by sync) reads as that setting's default, and only that setting's.
 * `repairSettings` (run by the background at start-up and on every change, and by the options
 * page when it opens) removes such a value and records a notice that the options page shows.
 * A value written by a newer version of the extension (through sync) is never removed here:
 * this version reads the default and leaves the value for the version that understands it.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import {
  readStored,
  SETTING_NAMES,
  type SettingName,
  type SettingSpec,
  type SettingValues,
  SPECS,
} from './setting-specs';
import { type Dismissal, dismissalKey, storedDismissal } from './dismissal';
import { disablingSite, hostInSite, siteOf } from './site';
import {
  migrate,
  placeOf,
  type StorageArea,
  type StorageKey,
  storedVersion,
  versionMeta,
} from './storage-layout';

export {
  DWELL_MAX_MS,
  DWELL_MIN_MS,
  type HighlightStyle,
  SETTING_NAMES,
  type SettingName,
  type SettingValues,
} from './setting-specs';

// ---------------------------------------------------------------------------------------------
// Storage items

/** A storage item whose reads and watches only ever yield values that match its schema. */
export interface Setting<T> extends WxtStorageItem<T, Record<string, never>> {
  readonly key: StorageKey;
  readonly label: string;
  readonly version: number;
  readonly schema: v.GenericSchema<T>;
  readonly migrations: Readonly<Record<number, (old: unknown) => unknown>>;
  /** The stored value as it is, unchecked, and its stored version. */
  readRaw(): Promise<{ value: unknown; version: number }>;
}

function defineSetting<T>(spec: SettingSpec<T>): Setting<T> {
  const { schema } = spec;
  // `raw` may hold anything: another build, a hand edit or sync may have written it.
  const raw = storage.defineItem<unknown>(spec.key, {
    fallback: null,
    version: spec.version,
    ...(Object.keys(spec.migrations).length > 0 ? { migrations: { ...spec.migrations } } : {}),
  });
  const fallback = () => structuredClone(spec.fallback);
  const read = (value: unknown): T => readStored(spec, value);
  return {
    key: spec.key,
    label: spec.label,
    version: spec.version,
    schema,
    migrations: spec.migrations,
    get fallback() {
      return fallback();
    },
    get defaultValue() {
      return fallback();
    },
    getValue: async () => read(await raw.getValue()),
    setValue: async (value: T) => {
      const result = v.safeParse(schema, value);
      if (!result.success) throw new TypeError(`${spec.label}: ${describeIssues(result.issues)}`);
      await raw.setValue(result.output);
    },
    getMeta: () => raw.getMeta() as Promise<Record<string, never>>,
    setMeta: (properties) => raw.setMeta(properties),
    removeValue: (opts) => raw.removeValue(opts),
    removeMeta: (properties) => raw.removeMeta(properties),
    watch: (cb) => raw.watch((next, prev) => cb(read(next), read(prev))),
    watchMeta: (cb) => raw.watchMeta(cb as Parameters<typeof raw.watchMeta>[0]),
    migrate: () => raw.migrate(),
    readRaw: async () => {
      const [value, meta] = await Promise.all([raw.getValue(), raw.getMeta()]);
      return { value, version: storedVersion(meta) };
    },
  };
}

/** Sites where Rivalry Lens is off. A site covers its subdomains (see `./site.ts`). */
export const disabledSites = defineSetting(SPECS.disabledSites);
/** Global pause: off everywhere while true. */
export const paused = defineSetting(SPECS.paused);
/** Entities the user chose not to highlight; new entities in the dataset start highlighted. */
export const hiddenEntities = defineSetting(SPECS.hiddenEntities);
export const highlightStyle = defineSetting(SPECS.highlightStyle);
/** How long the pointer must rest on a mention before its card opens, in ms. */
export const dwellMs = defineSetting(SPECS.dwellMs);
/** False positives dismissed with "Not this" on a card. */
export const dismissals = defineSetting(SPECS.dismissals);

/** Every setting by the name it has in exported files. */
export const SETTINGS: { [K in SettingName]: Setting<SettingValues[K]> } = {
  disabledSites,
  paused,
  hiddenEntities,
  highlightStyle,
  dwellMs,
  dismissals,
};

// ---------------------------------------------------------------------------------------------
// Operations the popup, options page, background and content script share.

/**
 * Turns Rivalry Lens on or off for the site of `host`. Off adds `siteOf(host)`; on removes
 * every entry that covers the host, a parent site included (on `news.example.com`, turning on
 * when `example.com` is off turns all of example.com back on; the switch says so).
 */
export async function setSiteEnabled(host: string, enabled: boolean): Promise<void> {
  const sites = await disabledSites.getValue();
  const next = enabled
    ? sites.filter((site) => !hostInSite(host, site))
    : disablingSite(host, sites)
      ? sites
      : [...sites, siteOf(host)].sort();
  if (next.length !== sites.length) await disabledSites.setValue(next);
}

/** Remembers that `text` does not name `entity` on `site`. */
export async function addDismissal(dismissal: Dismissal): Promise<void> {
  const next = storedDismissal(dismissal);
  const list = await dismissals.getValue();
  if (list.some((d) => dismissalKey(d) === dismissalKey(next))) return;
  await dismissals.setValue([...list, next]);
}

export async function removeDismissal(dismissal: Dismissal): Promise<void> {
  const list = await dismissals.getValue();
  await dismissals.setValue(list.filter((d) => dismissalKey(d) !== dismissalKey(dismissal)));
}

// ---------------------------------------------------------------------------------------------
// Repair of corrupt values

export interface RepairNotice {
  setting: SettingName;
  /** What was wrong, in words. */
  problem: string;
  /** The value that was found, as JSON, cut to 200 characters. */
  found: string;
  /** `removed`: the value was deleted and the default is in use. `kept`: written by a newer
   * version of Rivalry Lens, left alone, the default is in use here. */
  action: 'removed' | 'kept';
  /** When it was found, ms since the epoch. */
  at: number;
}

const RepairNoticeSchema = v.strictObject({
  setting: v.picklist(SETTING_NAMES),
  problem: v.string(),
  found: v.string(),
  action: v.picklist(['removed', 'kept'] as const),
  at: v.number(),
});

/** Notices of values that `repairSettings` reset, until the person dismisses them. */
export const repairNotices = defineSetting<RepairNotice[]>({
  key: 'local:repairNotices',
  label: 'Notices of reset settings',
  schema: v.array(RepairNoticeSchema),
  fallback: [],
  version: 1,
  migrations: {},
});

export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

function preview(value: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch {
    json = String(value);
  }
  return json.length > 200 ? `${json.slice(0, 199)}…` : json;
}

/** Checks one setting's stored value; removes it when corrupt. Returns a notice or `null`. */
async function repairOne(name: SettingName, now: number): Promise<RepairNotice | null> {
  const setting: Setting<unknown> = SETTINGS[name];
  const { value, version } = await setting.readRaw();
  if (value == null) return null;
  const result = v.safeParse(setting.schema, value);
  if (result.success) return null;
  const problem = describeIssues(result.issues);
  if (version > setting.version)
    return { setting: name, problem, found: preview(value), action: 'kept', at: now };
  await setting.removeValue();
  return { setting: name, problem, found: preview(value), action: 'removed', at: now };
}

/**
 * Finds stored values that do not match their schema, removes each (the setting then reads as
 * its default; the others are untouched) and records a notice for the options page.
 * Returns the notices of this run.
 */
export async function repairSettings(
  names: readonly SettingName[] = SETTING_NAMES,
  now = Date.now(),
): Promise<RepairNotice[]> {
  const found = (await Promise.all(names.map((name) => repairOne(name, now)))).filter(
    (notice): notice is RepairNotice => notice !== null,
  );
  if (found.length > 0) {
    const earlier = await repairNotices.getValue();
    const others = earlier.filter((n) => !found.some((f) => f.setting === n.setting));
    await repairNotices.setValue([...others, ...found]);
  }
  return found;
}

/** The setting stored under a `browser.storage` area and key, for `onChanged` listeners. */
export function settingForStorageKey(area: string, key: string): SettingName | undefined {
  return SETTING_NAMES.find((name) => {
    const place = placeOf(SETTINGS[name].key);
    return place.area === area && place.key === key;
  });
}

// ---------------------------------------------------------------------------------------------
// Export and import

export const SETTINGS_FILE_FORMAT = 'rivalry-lens-settings';
export const SETTINGS_FILE_VERSION = 1;

export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  formatVersion: number;
  exportedAt: string;
  /** The version of each setting's shape, so a newer build can migrate an older file. */
  versions: Record<SettingName, number>;
  settings: SettingValues;
}

/** All settings as a JSON file's content. */
export async function exportSettings(now = new Date()): Promise<string> {
  const entries = await Promise.all(
    SETTING_NAMES.map(async (name) => [name, await SETTINGS[name].getValue()] as const),
  );
  const file: SettingsFile = {
    format: SETTINGS_FILE_FORMAT,
    formatVersion: SETTINGS_FILE_VERSION,
    exportedAt: now.toISOString(),
    versions: Object.fromEntries(
      SETTING_NAMES.map((name) => [name, SETTINGS[name].version]),
    ) as SettingsFile['versions'],
    settings: Object.fromEntries(entries) as SettingValues,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ParsedSettingsFile =
  | { ok: true; values: Partial<SettingValues> }
  | { ok: false; errors: string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a settings file. Settings absent from the file are left as they are; anything
 * unknown, malformed, from a newer version or failing its schema refuses the whole file,
 * with every problem named.
 */
export function parseSettingsFile(text: string): ParsedSettingsFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`The file is not JSON (${(error as Error).message}).`] };
  }
  if (!isRecord(json) || json.format !== SETTINGS_FILE_FORMAT)
    return {
      ok: false,
      errors: [
        `This is not a Rivalry Lens settings file (it has no "format": "${SETTINGS_FILE_FORMAT}").`,
      ],
    };
  const errors: string[] = [];
  const formatVersion = json.formatVersion;
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1)
    errors.push('"formatVersion" must be a whole number from 1.');
  else if (formatVersion > SETTINGS_FILE_VERSION)
    errors.push(
      `The file was made by a newer version of Rivalry Lens (format ${formatVersion}; this one reads up to ${SETTINGS_FILE_VERSION}).`,
    );
  for (const key of Object.keys(json))
    if (!['format', 'formatVersion', 'exportedAt', 'versions', 'settings'].includes(key))
      errors.push(`Unknown field "${key}".`);
  const settings = json.settings;
  const versions = json.versions ?? {};
  if (!isRecord(settings)) errors.push('"settings" must be an object.');
  if (!isRecord(versions)) errors.push('"versions" must be an object.');
  if (errors.length > 0 || !isRecord(settings) || !isRecord(versions)) return { ok: false, errors };

  const values: Partial<Record<SettingName, unknown>> = {};
  for (const key of Object.keys(versions))
    if (!(key in SETTINGS)) errors.push(`"versions" names an unknown setting "${key}".`);
  for (const [key, raw] of Object.entries(settings)) {
    if (!(key in SETTINGS)) {
      errors.push(`Unknown setting "${key}".`);
      continue;
    }
    const name = key as SettingName;
    const setting: Setting<unknown> = SETTINGS[name];
    const from = versions[name] ?? setting.version;
    if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
      errors.push(`"versions.${name}" must be a whole number from 1.`);
      continue;
    }
    if (from > setting.version) {
      errors.push(
        `"${name}" was saved by a newer version of Rivalry Lens (version ${from}; this one knows up to ${setting.version}).`,
      );
      continue;
    }
    const value = migrate(raw, from, setting.version, setting.migrations);
    const result = v.safeParse(setting.schema, value);
    if (result.success) values[name] = result.output;
    else errors.push(`${setting.label} (“${name}”): ${describeIssues(result.issues)}.`);
  }
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, values: values as Partial<SettingValues> };
}

/**
 * Imports a settings file: all of it, or, when anything in it is wrong, nothing.
 * Returns the names of the settings written, or the problems.
 */
export async function importSettings(
  text: string,
): Promise<{ ok: true; imported: SettingName[] } | { ok: false; errors: string[] }> {
  const parsed = parseSettingsFile(text);
  if (!parsed.ok) return parsed;
  const names = Object.keys(parsed.values) as SettingName[];
  // One write per storage area; if a later area fails (sync quota, say), earlier ones are undone.
  const byArea = new Map<StorageArea, Record<string, unknown>>();
  for (const name of names) {
    const setting = SETTINGS[name];
    const { area, key, metaKey } = placeOf(setting.key);
    const writes = byArea.get(area) ?? {};
    writes[key] = parsed.values[name];
    writes[metaKey] = versionMeta(setting.version);
    byArea.set(area, writes);
  }
  const written: [StorageArea, Record<string, unknown>][] = [];
  try {
    for (const [area, writes] of byArea) {
      const before = await browser.storage[area].get(Object.keys(writes));
      await browser.storage[area].set(writes);
      written.push([area, before]);
    }
  } catch (error) {
    // Put back the areas already written: the import is all or nothing.
    for (const [area, before] of written) {
      await browser.storage[area].remove(Object.keys(byArea.get(area) ?? {}));
      await browser.storage[area].set(before);
    }
    return { ok: false, errors: [`The settings could not be saved: ${(error as Error).message}`] };
  }
  return { ok: true, imported: names };
}
