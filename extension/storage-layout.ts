/**
 * How `@wxt-dev/storage` lays out a stored item, and how a value climbs its versions. The
 * storage items of `settings.ts` use WXT itself; the content script follows changes of the same
 * keys in `storage.onChanged` (and asks the background for the values); a settings file is
 * migrated like a stored value. All of them read the layout from here. Pure: no extension API.
 */

export type StorageArea = 'sync' | 'local';

/** An item's name as WXT writes it: `sync:dwellMs` is `dwellMs` in `browser.storage.sync`. */
export type StorageKey = `${StorageArea}:${string}`;

/** One upgrade step per version: `migrations[2]` turns a version-1 value into version 2. */
export type Migrations = Readonly<Record<number, (old: unknown) => unknown>>;

export interface StoragePlace {
  area: StorageArea;
  /** The key of the value in its area. */
  key: string;
  /** The key of its metadata, `{ v: version }`, beside it (WXT's `key$`). */
  metaKey: string;
}

/** `sync:dwellMs` → area `sync`, key `dwellMs`, metadata `dwellMs$`. */
export function placeOf(item: StorageKey): StoragePlace {
  const [area, key] = item.split(':', 2) as [StorageArea, string];
  return { area, key, metaKey: `${key}$` };
}

/** The version recorded in an item's metadata; WXT counts a value stored without one as 1. */
export function storedVersion(meta: unknown): number {
  const v = (meta as { v?: unknown } | null | undefined)?.v;
  return typeof v === 'number' ? v : 1;
}

/** The metadata WXT writes beside a value of `version`. */
export function versionMeta(version: number): { v: number } {
  return { v: version };
}

/**
 * Applies the migrations from the version after `from` up to `to`, as WXT does. A step that
 * is missing, or returns nothing, leaves the value as it was.
 */
export function migrate(value: unknown, from: number, to: number, migrations: Migrations): unknown {
  let migrated = value;
  for (let next = from + 1; next <= to; next++) migrated = migrations[next]?.(migrated) ?? migrated;
  return migrated;
}
