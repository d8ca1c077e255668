/**
 * Every stored setting as a storage item (`@wxt-dev/storage`), made from its spec in
 * `setting-specs.ts`, and the few changes the popup, options page and background make to them.
 * The repair of corrupt values is in `settings-repair.ts`, the export and import file in
 * `settings-file.ts`.
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
 */
import * as v from 'valibot';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { type Dismissal, dismissalKey, storedDismissal } from './dismissal';
import {
  describeIssues,
  readStored,
  SETTING_NAMES,
  type SettingName,
  type SettingSpec,
  type SettingValues,
  SPECS,
} from './setting-specs';
import { i18n } from './i18n';
import { disablingSite, hostInSite, siteOf } from './site';
import { type Migrations, placeOf, type StorageKey, storedVersion } from './storage-layout';

/** A storage item whose reads and watches only ever yield values that match its schema. */
export interface Setting<T> extends WxtStorageItem<T, Record<string, never>> {
  readonly key: StorageKey;
  readonly label: string;
  readonly version: number;
  readonly schema: v.GenericSchema<T>;
  readonly migrations: Migrations;
  /** The stored value as it is, unchecked, and its stored version. */
  readRaw(): Promise<{ value: unknown; version: number }>;
}

export function defineSetting<T>(spec: SettingSpec<T>): Setting<T> {
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
    get label() {
      return i18n.t(spec.label);
    },
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

/**
 * The values of the settings `names` names, as the storage items read them (migrated, checked):
 * the background's answer to the content script (`getSettings`), which carries no schema of
 * its own. A name that is not a setting is left out.
 */
export async function readSettings(names: readonly unknown[]): Promise<Partial<SettingValues>> {
  const known = SETTING_NAMES.filter((name) => names.includes(name));
  const values = await Promise.all(known.map((name) => SETTINGS[name].getValue()));
  return Object.fromEntries(known.map((name, i) => [name, values[i]]));
}

/** The setting stored under a `browser.storage` area and key, for `onChanged` listeners. */
export function settingForStorageKey(area: string, key: string): SettingName | undefined {
  return SETTING_NAMES.find((name) => {
    const place = placeOf(SETTINGS[name].key);
    return place.area === area && place.key === key;
  });
}

// ---------------------------------------------------------------------------------------------
// Changes the popup, options page and background make.

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

/** Remembers that `text` does not name `entity` on `site` (or on one page of it). */
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
