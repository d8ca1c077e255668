/**
 * The settings as the content script of every page needs them: read with one `storage.get`
 * per area and followed through one `storage.onChanged` listener, each value migrated in memory
 * and checked against its setting's schema (`readStored`), exactly as the storage items of
 * `extension/settings.ts` read them. No storage framework and no writes: migrations and repairs
 * are the background's business, and "Not this" is sent to it.
 */
import { browser } from 'wxt/browser';
import {
  readStored,
  type SettingName,
  type SettingSpec,
  type SettingValues,
  SPECS,
} from '../../extension/setting-specs';
import { placeOf, type StorageArea, storedVersion } from '../../extension/storage-layout';

export interface SettingsView<K extends SettingName> {
  read(): Promise<Pick<SettingValues, K>>;
  /** Calls `cb` with each new value of these settings; returns the removal. */
  watch(cb: (name: K, value: SettingValues[K]) => void): () => void;
}

export function settingsView<K extends SettingName>(names: readonly K[]): SettingsView<K> {
  /** The version each value was stored at, as far as we know (the background migrates). */
  const versions = new Map<SettingName, number>();
  const value = <N extends K>(name: N, stored: unknown): SettingValues[N] =>
    readStored(
      SPECS[name] as unknown as SettingSpec<SettingValues[N]>,
      stored,
      versions.get(name) ?? SPECS[name].version,
    );

  return {
    async read() {
      const keys = new Map<StorageArea, string[]>();
      for (const name of names) {
        const { area, key, metaKey } = placeOf(SPECS[name].key);
        keys.set(area, [...(keys.get(area) ?? []), key, metaKey]);
      }
      const stored = new Map(
        await Promise.all(
          [...keys].map(
            async ([area, list]) => [area, await browser.storage[area].get(list)] as const,
          ),
        ),
      );
      const out = {} as Pick<SettingValues, K>;
      for (const name of names) {
        const { area, key, metaKey } = placeOf(SPECS[name].key);
        const items = stored.get(area) ?? {};
        // Never stored: no version either.
        if (items[key] != null) versions.set(name, storedVersion(items[metaKey]));
        out[name] = value(name, items[key]);
      }
      return out;
    },
    watch(cb) {
      const listener = (
        changes: Record<string, { newValue?: unknown; oldValue?: unknown }>,
        area: string,
      ) => {
        for (const name of names) {
          const { area: where, key, metaKey } = placeOf(SPECS[name].key);
          if (where !== area) continue;
          const meta = changes[metaKey];
          if (meta) versions.set(name, storedVersion(meta.newValue));
          const change = changes[key];
          if (change) cb(name, value(name, change.newValue));
        }
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
