/**
 * The content script's view of the settings: it asks the background, which reads them through
 * the storage items of `extension/settings.ts` (`readSettings`), and asks again, in order and
 * only for what changed, when storage says one of its settings changed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type AskSettings, REACH_FOR_MS, settingsView } from '../../content/lens/settings-view';
import { SETTING_NAMES, type SettingName, type SettingValues } from '../../extension/setting-specs';
import { readSettings, SETTINGS } from '../../extension/settings';

let abort: AbortController;
beforeEach(() => {
  fakeBrowser.reset();
  abort = new AbortController();
});
afterEach(() => {
  abort.abort();
  vi.useRealTimers();
});

/** A view of `names` that asks with `ask`, living until the test ends. */
const viewOf = <K extends SettingName>(names: readonly K[], ask: AskSettings) =>
  settingsView(names, ask, abort.signal);
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

/** `readSettings` as the background answers, with every question kept. */
function background() {
  const asked: SettingName[][] = [];
  const ask: AskSettings = (names) => {
    asked.push(names);
    return readSettings(names);
  };
  return { asked, ask };
}

const DEFAULTS = {
  disabledSites: [],
  paused: false,
  hiddenEntities: [],
  highlightStyle: 'fill',
  dwellMs: 300,
  dismissals: [],
};

/** Stored values, valid and not, keyed by storage area and key (as WXT stores them), and what
 * the background answers for them. */
const STORED: [string, Record<string, unknown>, Record<string, unknown>, object][] = [
  ['nothing stored', {}, {}, DEFAULTS],
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
      dismissals$: { v: 3 },
    },
    {
      disabledSites: ['example.com', 'news.org'],
      paused: true,
      hiddenEntities: ['xai'],
      highlightStyle: 'underline',
      dwellMs: 650,
      dismissals: [{ site: 'example.com', entity: 'elon-musk', text: 'Musk' }],
    },
  ],
  [
    'corrupt values as their defaults',
    {
      disabledSites: 'example.com',
      hiddenEntities: [42],
      highlightStyle: 'blink',
      dwellMs: 5,
    },
    { paused: 'yes', dismissals: [{ site: 'Example.COM' }], dismissals$: { v: 3 } },
    DEFAULTS,
  ],
  [
    'repeated entries once',
    { disabledSites: ['a.org', 'a.org'], hiddenEntities: ['xai', 'xai'] },
    {},
    { ...DEFAULTS, disabledSites: ['a.org'], hiddenEntities: ['xai'] },
  ],
];

describe('readSettings (the background’s answer)', () => {
  it.each(STORED)('gives %s', async (_, sync, local, expected) => {
    await fakeBrowser.storage.sync.set(sync);
    await fakeBrowser.storage.local.set(local);
    expect(await readSettings(SETTING_NAMES)).toEqual(expected);
  });

  it('answers only the names asked that are settings', async () => {
    expect(Object.keys(await readSettings(['paused', 'nonsense', 42]))).toEqual(['paused']);
  });
});

describe('settingsView', () => {
  it('reads every setting it follows with one question', async () => {
    await fakeBrowser.storage.sync.set({ highlightStyle: 'underline' });
    const { asked, ask } = background();
    const values = await viewOf(['highlightStyle', 'paused'] as const, ask).read();
    expect(values).toEqual({ highlightStyle: 'underline', paused: false });
    expect(asked).toEqual([['highlightStyle', 'paused']]);
  });

  it('asks again while the background cannot be reached yet', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    // No listener yet, then a port closed with no answer (the polyfill gives undefined).
    const answers: (() => Promise<Partial<SettingValues>>)[] = [
      () => Promise.reject(new Error('Receiving end does not exist')),
      () => Promise.resolve(undefined as unknown as Partial<SettingValues>),
    ];
    const ask: AskSettings = (names) => answers.shift()?.() ?? readSettings(names);
    const read = viewOf(['paused'] as const, ask).read();
    await vi.runAllTimersAsync();
    expect(await read).toEqual({ paused: false });
    expect(answers).toEqual([]);
  });

  it('gives up after a minute without the background, or when its page goes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    let tries = 0;
    const never: AskSettings = () => {
      tries++;
      return Promise.reject(new Error('Receiving end does not exist'));
    };
    const outcome = viewOf(['paused'] as const, never)
      .read()
      .catch((error: Error) => error.message);
    await vi.advanceTimersByTimeAsync(REACH_FOR_MS - 5000);
    const before = tries;
    expect(before).toBeGreaterThan(5);
    await vi.runAllTimersAsync();
    expect(await outcome).toBe('Receiving end does not exist');
    expect(tries).toBeGreaterThan(before);

    tries = 0;
    const gone = viewOf(['paused'] as const, never)
      .read()
      .catch((error: Error) => error.message);
    await vi.advanceTimersByTimeAsync(1000);
    abort.abort();
    await vi.runAllTimersAsync();
    expect(await gone).toBe('Receiving end does not exist');
    expect(tries).toBeLessThan(6);
  });

  it('refuses an answer that leaves a setting out', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    const ask: AskSettings = async () => ({});
    const outcome = viewOf(['paused'] as const, ask)
      .read()
      .catch((error: Error) => error.message);
    await vi.runAllTimersAsync();
    expect(await outcome).toMatch(/did not send paused/);
  });

  it('gives a change made while the first answer was on its way', async () => {
    let answer: (() => void) | null = null;
    const ask: AskSettings = (names) =>
      new Promise((resolve) => {
        // The first answer was read before the change; later ones after it.
        const before = readSettings(names);
        answer = () => resolve(before);
      });
    const view = viewOf(['dwellMs'] as const, ask);
    const read = view.read();
    await settled();
    await SETTINGS.dwellMs.setValue(900);
    (answer as (() => void) | null)?.();
    expect(await read).toEqual({ dwellMs: 300 });
    const seen: [string, unknown][] = [];
    view.watch((name, value) => seen.push([name, value]));
    await settled();
    (answer as (() => void) | null)?.();
    await vi.waitFor(() => expect(seen).toEqual([['dwellMs', 900]]));
  });

  it('asks again with the next change after a question that failed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    let down = false;
    const asked: SettingName[][] = [];
    const ask: AskSettings = (names) => {
      asked.push(names);
      return down ? Promise.reject(new Error('Receiving end does not exist')) : readSettings(names);
    };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const view = viewOf(['dwellMs', 'highlightStyle'] as const, ask);
    await view.read();
    const seen: [string, unknown][] = [];
    view.watch((name, value) => seen.push([name, value]));
    down = true;
    await SETTINGS.dwellMs.setValue(900);
    await vi.advanceTimersByTimeAsync(REACH_FOR_MS + 5000);
    expect(seen).toEqual([]);
    expect(errors).toHaveBeenCalledOnce();
    down = false;
    await SETTINGS.highlightStyle.setValue('underline');
    await vi.advanceTimersByTimeAsync(10);
    expect(seen).toEqual([
      ['dwellMs', 900],
      ['highlightStyle', 'underline'],
    ]);
  });

  it('follows changes of its settings only, checked, and stops when asked', async () => {
    const { asked, ask } = background();
    const view = viewOf(['highlightStyle', 'paused', 'dwellMs', 'disabledSites'] as const, ask);
    await view.read();
    const seen: [string, unknown][] = [];
    const stop = view.watch((name, value) => seen.push([name, value]));

    await SETTINGS.highlightStyle.setValue('underline');
    await settled();
    await fakeBrowser.storage.local.set({ paused: 'corrupt' });
    await settled();
    await SETTINGS.dwellMs.setValue(900);
    await settled();
    await fakeBrowser.storage.sync.remove('dwellMs');
    await settled();
    // Neither a key of another setting nor an unrelated one asks anything.
    await SETTINGS.hiddenEntities.setValue(['xai']);
    await fakeBrowser.storage.sync.set({ unrelated: 1 });
    await settled();
    // A migration run by the background writes the value and its version together.
    await fakeBrowser.storage.sync.set({ disabledSites: ['a.org'], disabledSites$: { v: 2 } });
    await settled();
    // Its version alone, too.
    await fakeBrowser.storage.sync.set({ disabledSites$: { v: 2, at: 1 } });
    await settled();
    expect(seen).toEqual([
      ['highlightStyle', 'underline'],
      ['paused', false],
      ['dwellMs', 900],
      ['dwellMs', 300],
      ['disabledSites', ['a.org']],
      ['disabledSites', ['a.org']],
    ]);
    expect(asked.slice(1)).toEqual([
      ['highlightStyle'],
      ['paused'],
      ['dwellMs'],
      ['dwellMs'],
      ['disabledSites'],
      ['disabledSites'],
    ]);
    stop();
    await SETTINGS.highlightStyle.setValue('fill');
    await settled();
    expect(seen).toHaveLength(6);
  });

  it('asks one question at a time, the next with all that changed meanwhile', async () => {
    const answers: (() => void)[] = [];
    const asked: SettingName[][] = [];
    const ask: AskSettings = (names) => {
      asked.push(names);
      return new Promise((resolve) => answers.push(() => resolve(readSettings(names))));
    };
    const view = viewOf(['highlightStyle', 'dwellMs'] as const, ask);
    const seen: [string, unknown][] = [];
    view.watch((name, value) => seen.push([name, value]));
    await SETTINGS.highlightStyle.setValue('underline');
    await SETTINGS.dwellMs.setValue(700);
    await SETTINGS.highlightStyle.setValue('fill');
    expect(asked).toEqual([['highlightStyle']]);
    answers.shift()?.();
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]).toEqual(['dwellMs', 'highlightStyle']);
    answers.shift()?.();
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    // The first answer was read after the last change: no later answer brings back "underline".
    expect(seen.at(-1)).toEqual(['highlightStyle', 'fill']);
    expect(seen.slice(1)).toEqual([
      ['dwellMs', 700],
      ['highlightStyle', 'fill'],
    ]);
  });
});
