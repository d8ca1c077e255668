/**
 * The settings as the content script of every page needs them: asked of the background, which
 * reads them through the storage items of `extension/settings.ts` (migrated, checked against
 * their schemas), and asked again when `storage.onChanged` says one of them changed. The
 * schemas and their library stay out of the script every page loads; writes are the
 * background's business too, and "Not this" is sent to it.
 */
import { browser } from 'wxt/browser';
import { reportError } from '../../extension/report-error';
import { SETTING_KEYS } from '../../extension/setting-keys';
import type { SettingName, SettingValues } from '../../extension/setting-specs';
import { placeOf } from '../../extension/storage-layout';

export interface SettingsView<K extends SettingName> {
  read(): Promise<Pick<SettingValues, K>>;
  /**
   * Calls `cb` with each new value of these settings, from the first `read()` on (a change
   * while it was on its way included), and when it was asked for (`performance.now()`);
   * returns the removal.
   */
  watch(cb: (name: K, value: SettingValues[K], askedAt: number) => void): () => void;
}

/** How the view asks for checked values (the content script: a `getSettings` message). */
export type AskSettings = (names: SettingName[]) => Promise<Partial<SettingValues>>;

/**
 * How long the view keeps trying to reach the background: at browser start a restored tab's
 * content script can run long before the background listens (Firefox), and a sleeping service
 * worker takes a moment to wake (Chromium).
 */
export const REACH_FOR_MS = 60_000;
const WAIT_MAX_MS = 2000;

async function askAgain<T>(ask: () => Promise<T>, signal: AbortSignal): Promise<T> {
  const start = performance.now();
  for (let i = 1; ; i++) {
    try {
      return await ask();
    } catch (error) {
      if (signal.aborted || performance.now() - start > REACH_FOR_MS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** i, WAIT_MAX_MS)));
    }
  }
}

export function settingsView<K extends SettingName>(
  names: readonly K[],
  ask: AskSettings,
  signal: AbortSignal,
): SettingsView<K> {
  const places = names.map((name) => ({ name, ...placeOf(SETTING_KEYS[name]) }));
  const values = (list: K[]) =>
    askAgain(async () => {
      const got: unknown = await ask(list);
      // No answer at all (the port closed before the background answered) is a failure too.
      const missing = list.filter(
        (name) => typeof got !== 'object' || got === null || !(name in got),
      );
      if (missing.length > 0) throw new Error(`The background did not send ${missing.join(', ')}`);
      return got as Pick<SettingValues, K>;
    }, signal);

  let cb: ((name: K, value: SettingValues[K], askedAt: number) => void) | null = null;
  let following = false;
  let asking = false;
  const changed = new Set<K>();
  // One question at a time, the next with everything that changed meanwhile: an answer never
  // overtakes a later one.
  const follow = async () => {
    if (asking) return;
    asking = true;
    try {
      // Not before `watch` gives a callback: until then, changes wait in `changed`.
      while (changed.size > 0 && cb !== null && !signal.aborted) {
        const list = [...changed];
        changed.clear();
        let got: Pick<SettingValues, K>;
        const askedAt = performance.now();
        try {
          got = await values(list);
        } catch (error) {
          // Asked again with the next change.
          for (const name of list) changed.add(name);
          throw error;
        }
        for (const name of list) cb?.(name, got[name], askedAt);
      }
    } finally {
      asking = false;
    }
  };
  const kick = () => {
    if (changed.size > 0) {
      follow().catch((error: unknown) => reportError(error, 'following the settings'));
    }
  };
  const listener = (changes: Record<string, unknown>, area: string) => {
    for (const p of places) {
      // A migration by the background writes the value and its version together.
      if (p.area === area && (p.key in changes || p.metaKey in changes)) changed.add(p.name);
    }
    kick();
  };
  /** From the first question on: a change while an answer is on its way is asked for again. */
  const listen = () => {
    if (following || signal.aborted) return;
    browser.storage.onChanged.addListener(listener);
    following = true;
  };
  const stop = () => {
    cb = null;
    if (following) browser.storage.onChanged.removeListener(listener);
    following = false;
  };
  signal.addEventListener('abort', stop, { once: true });

  return {
    read() {
      listen();
      return values([...names]);
    },
    watch(next) {
      cb = next;
      listen();
      kick();
      return stop;
    },
  };
}
