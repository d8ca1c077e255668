/**
 * The content script's reader of the settings must read every stored value exactly as the
 * storage items of `extension/settings.ts` do, with two `storage.get` calls and no writes.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settingsView } from '../../content/lens/settings-view';
import { SETTING_NAMES } from '../../extension/setting-specs';
import { SETTINGS } from '../../extension/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

const all = () => settingsView(SETTING_NAMES);

/** Stored values, valid and not, keyed by storage area and key (as WXT stores them). */
const STORED: [string, Record<string, unknown>, Record<string, unknown>][] = [
  ['nothing stored', {}, {}],
  [
    'valid values',
    {
      disabledSites: ['example.com', 'news.org'],
      hiddenEntities: ['xai'],
      highlightStyle: 'underline',
      dwellMs: 650,
    },
    {
      paused: true,
      dismissals: [{ site: 'example.com', entity: 'elon-musk', text: 'Musk' }],
      dismissals$: { v: 2 },
    },
  ],
  [
    'corrupt values',
    {
      disabledSites: 'example.com',
      hiddenEntities: [42],
      highlightStyle: 'blink',
      dwellMs: 5,
    },
    { paused: 'yes', dismissals: [{ site: 'Example.COM' }], dismissals$: { v: 2 } },
  ],
  ['repeated entries', { disabledSites: ['a.org', 'a.org'], hiddenEntities: ['xai', 'xai'] }, {}],
];

describe('settingsView', () => {
  it.each(STORED)('reads %s as the storage items do', async (_, sync, local) => {
    await fakeBrowser.storage.sync.set(sync);
    await fakeBrowser.storage.local.set(local);
    const viewed = await all().read();
    for (const name of SETTING_NAMES) expect(viewed[name]).toEqual(await SETTINGS[name].getValue());
  });

  it('reads with one get per storage area, and writes nothing', async () => {
    const syncGet = vi.spyOn(fakeBrowser.storage.sync, 'get');
    const localGet = vi.spyOn(fakeBrowser.storage.local, 'get');
    const syncSet = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const localSet = vi.spyOn(fakeBrowser.storage.local, 'set');
    await all().read();
    expect(syncGet).toHaveBeenCalledOnce();
    expect(localGet).toHaveBeenCalledOnce();
    expect(syncSet).not.toHaveBeenCalled();
    expect(localSet).not.toHaveBeenCalled();
  });

  it('migrates a value stored by an older version in memory, leaving storage to the background', async () => {
    // Version 1 stored hosts as they were given; version 2 stores site keys.
    const old = { disabledSites: ['WWW.Example.com', 'example.com', 'news.org'] };
    await fakeBrowser.storage.sync.set(old);
    expect((await all().read()).disabledSites).toEqual(['example.com', 'news.org']);
    expect(await fakeBrowser.storage.sync.get('disabledSites')).toEqual(old);
  });

  it('follows changes, checked, and stops when asked', async () => {
    const view = all();
    await view.read();
    const seen: [string, unknown][] = [];
    const stop = view.watch((name, value) => seen.push([name, value]));
    await SETTINGS.highlightStyle.setValue('underline');
    await fakeBrowser.storage.local.set({ paused: 'corrupt' });
    await SETTINGS.dwellMs.setValue(900);
    await fakeBrowser.storage.sync.remove('dwellMs');
    await fakeBrowser.storage.sync.set({ unrelated: 1 });
    // A migration run by the background writes the value and its version together.
    await fakeBrowser.storage.sync.set({
      disabledSites: ['WWW.A.org'],
      disabledSites$: { v: 1 },
    });
    expect(seen).toEqual([
      ['highlightStyle', 'underline'],
      ['paused', false],
      ['dwellMs', 900],
      ['dwellMs', 300],
      ['disabledSites', ['a.org']],
    ]);
    stop();
    await SETTINGS.highlightStyle.setValue('fill');
    expect(seen).toHaveLength(5);
  });
});
