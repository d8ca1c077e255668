/**
 * The settings file: export of every setting with its version, and an import that migrates an
 * older file as a stored value is migrated and writes all of it or nothing.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import {
  describeIssues,
  SETTING_NAMES,
  type SettingName,
  type SettingValues,
} from './setting-specs';
import { SETTINGS, type Setting } from './settings';
import { migrate, placeOf, type StorageArea, versionMeta } from './storage-layout';

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
