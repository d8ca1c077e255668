// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://news.example.com/story"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Controller, startController } from '../../content/lens/controller';
import type { AskSettings } from '../../content/lens/settings-view';
import {
  addDismissal,
  disabledSites,
  dismissals,
  dwellMs,
  hiddenEntities,
  paused,
  readSettings,
  removeDismissal,
} from '../../extension/settings';
import {
  advanceUntil,
  fakeCard,
  fakeEntities,
  fakeMatch,
  loadShow,
  loadUi,
  until,
  useFakeTimeouts,
} from './content-helpers';

let abort: AbortController;
let invalidated: (() => void)[];
let listener: ((message: unknown) => Promise<unknown> | undefined) | null;
let sendCount: ReturnType<typeof vi.fn<(total: number, active: boolean) => void>>;

beforeEach(() => {
  fakeBrowser.reset();
  abort = new AbortController();
  invalidated = [];
  listener = null;
  sendCount = vi.fn<(total: number, active: boolean) => void>();
  document.body.innerHTML = '<p>OpenAI and SpaceX</p>';
});
afterEach(() => {
  vi.useRealTimers();
  abort.abort();
  for (const cb of invalidated) cb();
  document.body.innerHTML = '';
});

function start(settings: AskSettings = readSettings): Promise<Controller> {
  return startController({
    win: window as unknown as Window & typeof globalThis,
    signal: abort.signal,
    onInvalidated: (cb) => invalidated.push(cb),
    match: fakeMatch,
    settings,
    entities: fakeEntities(),
    card: fakeCard,
    loadShow,
    loadUi,
    reportCounts: true,
    sendCount,
    saveDismissal: addDismissal,
    removeDismissal,
    onMessage: (l) => {
      listener = l;
      return () => {
        listener = null;
      };
    },
  });
}

const marks = () => document.querySelectorAll('rivalry-mark').length;
const ask = (message: unknown) => listener?.(message);

describe('controller', () => {
  it('reports no count from a page without a mention, until one appears', async () => {
    useFakeTimeouts();
    document.body.innerHTML = '<p>Nothing to see here.</p>';
    const controller = await start();
    await advanceUntil(() => expect(controller.lens?.state).toBe('ready'));
    // Far longer than either wait of the count.
    await vi.advanceTimersByTimeAsync(5000);
    expect(sendCount).not.toHaveBeenCalled();
    document.body.insertAdjacentHTML('beforeend', '<p>Neuralink</p>');
    await advanceUntil(() => expect(sendCount).toHaveBeenLastCalledWith(1, true));
  });

  it('answers messages, and reports counts to the background', async () => {
    useFakeTimeouts();
    await start();
    await advanceUntil(() => expect(marks()).toBe(2));
    const summary = await ask({ type: 'getSummary' });
    expect(summary).toMatchObject({ state: 'ready', host: 'news.example.com', total: 2 });
    expect(await ask({ type: 'reveal', entity: 'spacex' })).toEqual({
      ok: true,
      index: 1,
      total: 1,
    });
    expect(await ask({ type: 'reveal', entity: 'neuralink' })).toEqual({
      ok: false,
      index: 0,
      total: 0,
    });
    expect(await ask({ type: 'nextMention' })).toEqual({ ok: true, index: 1, total: 2 });
    // Other messages are left to other listeners.
    expect(ask({ type: 'somethingElse' })).toBeUndefined();
    await advanceUntil(() => expect(sendCount).toHaveBeenLastCalledWith(2, true));
    // Re-rendering the same mentions reports nothing new, even once the count's wait is over.
    const calls = sendCount.mock.calls.length;
    const p = document.querySelector('p') as HTMLElement;
    p.textContent = 'OpenAI and SpaceX';
    await advanceUntil(() => expect(marks()).toBe(2));
    await vi.advanceTimersByTimeAsync(5000);
    expect(sendCount.mock.calls.length).toBe(calls);
    // A real change is reported.
    p.textContent = 'OpenAI only';
    await advanceUntil(() => expect(sendCount).toHaveBeenLastCalledWith(1, true));
  });

  it('answers what needs the document order once the order is worked out in slices', async () => {
    const c = await start();
    await until(() => expect(marks()).toBe(2));
    // The order is held back until the test lets it go: no answer may come before.
    let orderKnown = () => {};
    const known = new Promise<void>((resolve) => {
      orderKnown = resolve;
    });
    vi.spyOn(c.lens as NonNullable<Controller['lens']>, 'orderReady').mockReturnValue(known);
    const answered: string[] = [];
    const asked = [
      { type: 'getSummary' },
      { type: 'reveal', entity: 'spacex' },
      { type: 'nextMention' },
    ].map((m) => ask(m)?.then(() => answered.push(m.type)));
    await new Promise((r) => setTimeout(r, 20));
    expect(answered).toEqual([]);
    orderKnown();
    await Promise.all(asked);
    expect(answered).toEqual(['getSummary', 'reveal', 'nextMention']);
  });

  it('turns off in place when its site is switched off, and back on', async () => {
    const c = await start();
    await until(() => expect(marks()).toBe(2));
    await disabledSites.setValue(['example.com']);
    await until(() => expect(c.lens).toBeNull());
    expect(marks()).toBe(0);
    expect(await ask({ type: 'getSummary' })).toMatchObject({ state: 'site-off', total: 0 });
    expect(sendCount).toHaveBeenLastCalledWith(0, false);
    await disabledSites.setValue(['other.org']);
    await until(() => expect(marks()).toBe(2));
    expect(c.lens).not.toBeNull();
  });

  it('pauses everywhere and resumes', async () => {
    const c = await start();
    await until(() => expect(marks()).toBe(2));
    await paused.setValue(true);
    await until(() => expect(marks()).toBe(0));
    expect(c.summary().state).toBe('paused');
    await paused.setValue(false);
    await until(() => expect(marks()).toBe(2));
  });

  it('starts off when the site is already off, and applies the other settings live', async () => {
    useFakeTimeouts();
    await disabledSites.setValue(['news.example.com']);
    const c = await start();
    // Longer than a lens takes to read and paint this page (the test below waits as long).
    await vi.advanceTimersByTimeAsync(2000);
    expect(c.lens).toBeNull();
    expect(marks()).toBe(0);
    await disabledSites.setValue([]);
    await advanceUntil(() => expect(marks()).toBe(2));
    vi.useRealTimers();
    await hiddenEntities.setValue(['openai']);
    await until(() => expect(marks()).toBe(1));
    await dwellMs.setValue(500);
    expect(c.lens).not.toBeNull();
  });

  it('keeps an Undo that the answer about its "Not this" comes after', async () => {
    const held: (() => void)[] = [];
    let hold = false;
    // Each answer is what storage held when it was asked; once `hold` is set, the answers about
    // the dismissals wait until the test lets them go.
    const settings: AskSettings = (names) => {
      const answer = readSettings(names);
      if (!hold || !names.includes('dismissals')) return answer;
      return new Promise((resolve) => held.push(() => resolve(answer)));
    };
    await start(settings);
    await until(() => expect(marks()).toBe(2));
    hold = true;
    expect(await ask({ type: 'reveal', entity: 'spacex' })).toMatchObject({ ok: true });
    const button = (label: string) =>
      [
        ...(document.querySelector('rivalry-lens')?.shadowRoot?.querySelectorAll('button') ?? []),
      ].find((b) => b.textContent?.trim() === label);
    const press = async (label: string) => {
      await until(() => expect(button(label), label).toBeDefined());
      button(label)?.click();
    };
    await press('Not this');
    await press('On this page');
    await until(() => expect(marks()).toBe(1));
    // Stored, and asked about: the answer will say the mention is dismissed.
    await until(() => expect(held).toHaveLength(1));
    await press('Undo');
    await until(() => expect(marks()).toBe(2));
    await until(async () => expect(await dismissals.getValue()).toEqual([]));
    held.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(marks()).toBe(2);
    expect(button('Not this')).toBeDefined();
    for (const release of held.splice(0)) release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(marks()).toBe(2);
  });

  it('tears everything down when the context is invalidated', async () => {
    const c = await start();
    await until(() => expect(marks()).toBe(2));
    abort.abort();
    for (const cb of invalidated) cb();
    invalidated = [];
    expect(marks()).toBe(0);
    expect(listener).toBeNull();
    // Watches are gone too: a change of setting no longer brings it back.
    useFakeTimeouts();
    await paused.setValue(false);
    await disabledSites.setValue(['x.org']);
    await vi.advanceTimersByTimeAsync(2000);
    expect(marks()).toBe(0);
    expect(c.lens).toBeNull();
  });
});
