import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  addDismissal,
  disabledSites,
  dismissals,
  dwellMs,
  hiddenEntities,
  highlightStyle,
  paused,
  removeDismissal,
  setSiteEnabled,
  settingForStorageKey,
} from '../../extension/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('sites', () => {
  it('setSiteEnabled turns a site off once and on again, parents included', async () => {
    await setSiteEnabled('www.News.example.com', false);
    await setSiteEnabled('news.example.com', false);
    expect(await disabledSites.getValue()).toEqual(['news.example.com']);
    await disabledSites.setValue(['example.com', 'other.org']);
    await setSiteEnabled('news.example.com', false);
    expect(await disabledSites.getValue()).toEqual(['example.com', 'other.org']);
    await setSiteEnabled('news.example.com', true);
    expect(await disabledSites.getValue()).toEqual(['other.org']);
  });
});

describe('settingForStorageKey', () => {
  it('names the setting a storage change is about', () => {
    expect(settingForStorageKey('sync', 'dwellMs')).toBe('dwellMs');
    expect(settingForStorageKey('local', 'dismissals')).toBe('dismissals');
    expect(settingForStorageKey('local', 'dwellMs')).toBeUndefined();
    expect(settingForStorageKey('sync', 'dwellMs$')).toBeUndefined();
  });
});

describe('storage areas', () => {
  it('small preferences are synced; the pause and the dismissals stay on this machine', async () => {
    await disabledSites.setValue(['example.com']);
    await hiddenEntities.setValue(['x']);
    await highlightStyle.setValue('underline');
    await dwellMs.setValue(500);
    await paused.setValue(true);
    await dismissals.setValue([{ site: 'example.com', entity: 'x', text: 'X' }]);
    expect(await fakeBrowser.storage.sync.get(null)).toMatchObject({
      disabledSites: ['example.com'],
      hiddenEntities: ['x'],
      highlightStyle: 'underline',
      dwellMs: 500,
    });
    expect(await fakeBrowser.storage.local.get(null)).toMatchObject({
      paused: true,
      dismissals: [{ site: 'example.com', entity: 'x', text: 'X' }],
    });
  });

  it('defaults when nothing is stored', async () => {
    expect(await disabledSites.getValue()).toEqual([]);
    expect(await paused.getValue()).toBe(false);
    expect(await hiddenEntities.getValue()).toEqual([]);
    expect(await highlightStyle.getValue()).toBe('fill');
    expect(await dwellMs.getValue()).toBe(300);
    expect(await dismissals.getValue()).toEqual([]);
  });

  it('refuses to write a value that does not match its schema', async () => {
    await expect(dwellMs.setValue(5)).rejects.toThrow(/at least 100/);
    await expect(disabledSites.setValue(['www.example.com'])).rejects.toThrow(/host name/);
    await expect(highlightStyle.setValue('bold' as 'fill')).rejects.toThrow();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('refuses a synced value over the 8 KB per-item quota', async () => {
    const many = Array.from({ length: 600 }, (_, i) => `site-number-${i}.example.com`);
    await expect(disabledSites.setValue(many)).rejects.toThrow(/too large to sync/);
  });
});

describe('dismissals', () => {
  it('are remembered per site, page and wording, case kept, and can be removed', async () => {
    await addDismissal({ site: 'www.Example.com', entity: 'x', text: ' the  X ' });
    await addDismissal({ site: 'example.com', entity: 'x', text: 'the X' });
    await addDismissal({ site: 'example.com', entity: 'x', text: 'THE X' });
    await addDismissal({ site: 'example.com', entity: 'x', text: 'the X', page: '/a' });
    expect(await dismissals.getValue()).toEqual([
      { site: 'example.com', entity: 'x', text: 'the X' },
      { site: 'example.com', entity: 'x', text: 'THE X' },
      { site: 'example.com', entity: 'x', text: 'the X', page: '/a' },
    ]);
    await removeDismissal({ site: 'example.com', entity: 'x', text: 'the X' });
    await removeDismissal({ site: 'example.com', entity: 'x', text: 'the X', page: '/a' });
    expect(await dismissals.getValue()).toEqual([
      { site: 'example.com', entity: 'x', text: 'THE X' },
    ]);
  });

  it('v2 (no page, case aside) become site-wide dismissals with their case kept', async () => {
    await fakeBrowser.storage.local.set({
      dismissals: [
        { site: 'example.com', entity: 'xai', text: 'XAI' },
        { site: 'example.com', entity: 'x', text: 'the X' },
      ],
      dismissals$: { v: 2 },
    });
    await dismissals.migrate();
    expect(await dismissals.getValue()).toEqual([
      { site: 'example.com', entity: 'xai', text: 'XAI' },
      { site: 'example.com', entity: 'x', text: 'the X' },
    ]);
    expect(await fakeBrowser.storage.local.get('dismissals$')).toEqual({ dismissals$: { v: 3 } });
  });

  it('refuses a page that is not a path', async () => {
    await expect(
      dismissals.setValue([{ site: 'example.com', entity: 'x', text: 'X', page: 'example.com/a' }]),
    ).rejects.toThrow();
  });
});

describe('migrations from the first version', () => {
  it('disabledSites v1 (hosts as callers passed them) becomes sorted, unique site keys', async () => {
    // A v1 store has no version metadata: that is how the first build wrote it.
    await fakeBrowser.storage.sync.set({
      disabledSites: ['WWW.Example.com', 'news.example.com', 'example.com', ' other.org'],
    });
    await disabledSites.migrate();
    expect(await disabledSites.getValue()).toEqual([
      'example.com',
      'news.example.com',
      'other.org',
    ]);
    expect(await fakeBrowser.storage.sync.get('disabledSites$')).toEqual({
      disabledSites$: { v: 2 },
    });
  });

  it('dismissals v1 get site keys, collapsed spaces and no duplicates', async () => {
    await fakeBrowser.storage.local.set({
      dismissals: [
        { site: 'www.example.com', entity: 'x', text: 'the\n X' },
        { site: 'example.com', entity: 'x', text: 'The X' },
        { site: 'other.org', entity: 'stoke-space', text: 'Stoke' },
      ],
    });
    await dismissals.migrate();
    expect(await dismissals.getValue()).toEqual([
      { site: 'example.com', entity: 'x', text: 'the X' },
      { site: 'other.org', entity: 'stoke-space', text: 'Stoke' },
    ]);
  });

  it('a migration is not run again on a value already at the current version', async () => {
    await fakeBrowser.storage.sync.set({
      disabledSites: ['b.org', 'a.org'],
      disabledSites$: { v: 2 },
    });
    await disabledSites.migrate();
    // Sorting is the v2 migration's work: an unsorted v2 value shows it did not run.
    expect(await fakeBrowser.storage.sync.get('disabledSites')).toEqual({
      disabledSites: ['b.org', 'a.org'],
    });
  });

  it('runs when the module loads, as at browser start-up', async () => {
    await fakeBrowser.storage.sync.set({ disabledSites: ['www.a.org'] });
    vi.resetModules();
    const fresh = await import('../../extension/settings');
    expect(await fresh.disabledSites.getValue()).toEqual(['a.org']);
    expect(await fakeBrowser.storage.sync.get('disabledSites$')).toEqual({
      disabledSites$: { v: 2 },
    });
  });

  it('a first write stores the current version, so it is never migrated as v1', async () => {
    vi.resetModules();
    const fresh = await import('../../extension/settings');
    await fresh.disabledSites.setValue(['a.org']);
    expect(await fakeBrowser.storage.sync.get('disabledSites$')).toEqual({
      disabledSites$: { v: 2 },
    });
  });
});

describe('corrupt values', () => {
  it('read as their own default and leave the other settings alone', async () => {
    await fakeBrowser.storage.sync.set({
      disabledSites: ['example.com'],
      highlightStyle: 42,
      dwellMs: 'slow',
      hiddenEntities: { not: 'a list' },
    });
    await fakeBrowser.storage.local.set({ paused: 'yes', dismissals: [{ site: 'a.org' }] });
    expect(await disabledSites.getValue()).toEqual(['example.com']);
    expect(await highlightStyle.getValue()).toBe('fill');
    expect(await dwellMs.getValue()).toBe(300);
    expect(await hiddenEntities.getValue()).toEqual([]);
    expect(await paused.getValue()).toBe(false);
    expect(await dismissals.getValue()).toEqual([]);
  });

  it('watchers see the default, not the corrupt value', async () => {
    const seen: string[] = [];
    const unwatch = highlightStyle.watch((value) => seen.push(value));
    await fakeBrowser.storage.sync.set({ highlightStyle: 'underline' });
    await fakeBrowser.storage.sync.set({ highlightStyle: ['garbage'] });
    unwatch();
    expect(seen).toEqual(['underline', 'fill']);
  });
});
