/**
 * The settings as the content script of every page needs them: asked of the background, which
 * reads them through the storage items of `extension/settings.ts` (migrated, checked against
 * their schemas), and asked again when `storage.onChanged` says one of them changed. The
 * schemas and their library stay out of the script every page loads; writes are the
 * background's business too, and "Not this" is sent to it.
 */
import { browser } from 'wxt/browser';
import { SETTING_KEYS } from '../../extension/setting-keys';
import type { SettingName, SettingValues } from '../../extension/setting-specs';
import { placeOf } from '../../extension/storage-layout';
import { reportError } from '../../extension/report-error';

export interface SettingsView<K extends SettingName> {
  read(): Promise<Pick<SettingValues, K>>;
  /** Calls `cb` with each new value of these settings; returns the removal. */
  watch(cb: (name: K, value: SettingValues[K]) => void): () => void;
}

/** How the view asks for checked values (the content script: a `getSettings` message). */
export type AskSettings = (names: SettingName[]) => Promise<Partial<SettingValues>>;

/**
 * Tries to reach the background: at browser start a restored tab's content script can run
 * before the background listens, and the first messages then find no one.
 */
async function askAgain<T>(ask: () => Promise<T>, tries = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await ask();
    } catch (error) {
      if (i >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** i));
    }
  }
}

export function settingsView<K extends SettingName>(
  names: readonly K[],
  ask: AskSettings,
): SettingsView<K> {
  const places = names.map((name) => ({ name, ...placeOf(SETTING_KEYS[name]) }));
  const values = async (list: K[]) => {
    const got = await askAgain(() => ask(list));
    const missing = list.filter((name) => !(name in got));
    if (missing.length > 0) throw new Error(`The background did not send ${missing.join(', ')}`);
    return got as Pick<SettingValues, K>;
  };

  return {
    read: () => values([...names]),
    watch(cb) {
      let stopped = false;
      let asking = false;
      const changed = new Set<K>();
      // One question at a time, the next with everything that changed meanwhile: an answer
      // never overtakes a later one.
      const follow = async () => {
        if (asking) return;
        asking = true;
        try {
          while (changed.size > 0 && !stopped) {
            const list = [...changed];
            changed.clear();
            const got = await values(list);
            if (!stopped) for (const name of list) cb(name, got[name]);
          }
        } finally {
          asking = false;
        }
      };
      const listener = (changes: Record<string, unknown>, area: string) => {
        for (const p of places) {
          // A migration by the background writes the value and its version together.
          if (p.area === area && (p.key in changes || p.metaKey in changes)) changed.add(p.name);
        }
        if (changed.size > 0)
          follow().catch((error: unknown) => reportError(error, 'following the settings'));
      };
      browser.storage.onChanged.addListener(listener);
      return () => {
        stopped = true;
        browser.storage.onChanged.removeListener(listener);
      };
    },
  };
}
