import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { disabledSites, dismissals, paused } from '../../extension/settings';
import { repairNotices, repairSettings } from '../../extension/settings-repair';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('repairSettings', () => {
  it('removes only the corrupt value and records a notice', async () => {
    await fakeBrowser.storage.sync.set({
      disabledSites: ['example.com'],
      highlightStyle: 'underline',
      dwellMs: -3,
    });
    await fakeBrowser.storage.local.set({ paused: true });
    const notices = await repairSettings(undefined, 1000);
    expect(notices).toEqual([
      {
        setting: 'dwellMs',
        problem: expect.stringMatching(/at least 100/),
        found: '-3',
        action: 'removed',
        at: 1000,
      },
    ]);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({
      disabledSites: ['example.com'],
      highlightStyle: 'underline',
    });
    expect(await paused.getValue()).toBe(true);
    expect(await repairNotices.getValue()).toEqual(notices);
  });

  it('names the place of the problem inside a list', async () => {
    await fakeBrowser.storage.sync.set({ disabledSites: ['a.org', 7], disabledSites$: { v: 2 } });
    const [notice] = await repairSettings();
    expect(notice?.problem).toBe('1: must be a host name written as text');
    expect(notice?.found).toBe('["a.org",7]');
  });

  it('a later repair of the same setting replaces its notice; others stay', async () => {
    await fakeBrowser.storage.sync.set({ dwellMs: 'x', highlightStyle: 1 });
    await repairSettings(undefined, 1);
    await fakeBrowser.storage.sync.set({ dwellMs: 'y' });
    await repairSettings(undefined, 2);
    const notices = await repairNotices.getValue();
    expect(notices.map((n) => [n.setting, n.at, n.found])).toEqual([
      ['highlightStyle', 1, '1'],
      ['dwellMs', 2, '"y"'],
    ]);
  });

  it('keeps a value written by a newer version (sync) and only reads the default', async () => {
    await fakeBrowser.storage.sync.set({
      disabledSites: [{ site: 'example.com', until: 123 }],
      disabledSites$: { v: 3 },
    });
    const [notice] = await repairSettings();
    expect(notice?.action).toBe('kept');
    expect(await disabledSites.getValue()).toEqual([]);
    expect(await fakeBrowser.storage.sync.get('disabledSites')).toEqual({
      disabledSites: [{ site: 'example.com', until: 123 }],
    });
  });

  it('a v1 value that is corrupt is reported, not thrown, by its migration', async () => {
    await fakeBrowser.storage.sync.set({ disabledSites: 'example.com' });
    await disabledSites.migrate();
    expect(await disabledSites.getValue()).toEqual([]);
    const [notice] = await repairSettings();
    expect(notice).toMatchObject({ setting: 'disabledSites', action: 'removed' });
  });

  it('a repeated entry is not corruption: it is dropped on read, the rest kept', async () => {
    await fakeBrowser.storage.local.set({
      dismissals: [
        { site: 'a.org', entity: 'x', text: 'X' },
        { site: 'a.org', entity: 'x', text: 'X' },
        { site: 'b.org', entity: 'x', text: 'X' },
      ],
      dismissals$: { v: 3 },
    });
    expect(await repairSettings()).toEqual([]);
    expect(await dismissals.getValue()).toEqual([
      { site: 'a.org', entity: 'x', text: 'X' },
      { site: 'b.org', entity: 'x', text: 'X' },
    ]);
    await dismissals.setValue([
      { site: 'c.org', entity: 'x', text: 'X' },
      { site: 'c.org', entity: 'x', text: 'X' },
    ]);
    expect(await fakeBrowser.storage.local.get('dismissals')).toEqual({
      dismissals: [{ site: 'c.org', entity: 'x', text: 'X' }],
    });
  });

  it('nothing to repair: no notice and no write', async () => {
    await fakeBrowser.storage.sync.set({ highlightStyle: 'underline' });
    expect(await repairSettings()).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
