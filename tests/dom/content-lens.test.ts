// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Found } from '../../content/found';
import {
  createLens,
  type Lens,
  type LensOptions,
  type LensSettings,
} from '../../content/lens/lens';
import { contextOf, snippetOf } from '../../content/lens/summary';
import { LongText } from '../../content/read/long-text';
import {
  advanceUntil,
  calls,
  cardRequests,
  fakeCard,
  fakeEntities,
  fakeMatch,
  loadShow,
  loadUi,
  until,
  useFakeTimeouts,
} from './content-helpers';
import { FakeHighlight } from './part-helpers';

const settings: LensSettings = {
  hiddenEntities: [],
  highlightStyle: 'fill',
  dwellMs: 300,
  dismissals: [],
};

let abort: AbortController;
beforeEach(() => {
  abort = new AbortController();
});
afterEach(() => {
  vi.useRealTimers();
  abort.abort();
  document.body.innerHTML = '';
  document.documentElement.querySelector('rivalry-lens')?.remove();
});

function start(
  overrides: Partial<LensSettings> = {},
  site = 'example.com',
  load: LensOptions['loadShow'] = loadShow,
): Lens {
  return createLens({
    win: window as unknown as Window & typeof globalThis,
    signal: abort.signal,
    match: fakeMatch,
    entities: fakeEntities(),
    card: fakeCard,
    loadShow: load,
    loadUi,
    settings: { ...settings, ...overrides },
    site,
    page: () => '/story',
  });
}

const marks = () =>
  [...document.querySelectorAll('rivalry-mark')].map(
    (m) => `${(m as HTMLElement).dataset.entity}:${m.textContent}`,
  );

describe('lens in a browser without the Highlight API (fallback mode)', () => {
  it('works out the document order for a summary a slice at a time on a page of many blocks', async () => {
    const rows = Array.from({ length: 8000 }, (_, i) => `<p>row ${i}</p>`);
    rows[0] = '<p>SpaceX first</p>';
    rows[7999] = '<p>OpenAI last</p>';
    document.body.innerHTML = rows.join('');
    const lens = start();
    await until(() => expect(lens.state).toBe('ready'), 20_000);
    // A clock that moves 5 ms at each look: a slice of 8 ms indexes at most 2,047 children.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 5));
    try {
      let done = false;
      const ready = lens.orderReady().then(() => {
        done = true;
      });
      let tasks = 0;
      while (!done) {
        await new Promise((r) => setTimeout(r, 0));
        tasks++;
      }
      await ready;
      expect(tasks).toBeGreaterThan(1);
    } finally {
      clock.mockRestore();
    }
    expect(lens.summary().entities.map((e) => e.entity)).toEqual(['spacex', 'openai']);
  }, 30_000);

  it('paints with <rivalry-mark>, summarises, and restores the page exactly on teardown', async () => {
    document.body.innerHTML =
      '<article><p>Sam Altman explored a deal with Stoke <em>Space</em>, a rival of SpaceX.</p>' +
      '<p>Elon Musk runs SpaceX. Later, Musk said more.</p><textarea>SpaceX</textarea></article>';
    const original = document.body.innerHTML;
    const textNodes = [...document.body.querySelectorAll('p')].flatMap((p) => [...p.childNodes]);
    const lens = start();
    expect(lens.painterMode).toBe('mark');
    await until(() => expect(lens.state).toBe('ready'));
    await until(() =>
      expect(marks()).toEqual([
        'sam-altman:Sam Altman',
        'stoke-space:Stoke ',
        'stoke-space:Space',
        'spacex:SpaceX',
        'elon-musk:Elon Musk',
        'spacex:SpaceX',
        'elon-musk:Musk',
      ]),
    );
    const s = lens.summary();
    expect(s.total).toBe(6);
    expect(s.entities.map((e) => [e.entity, e.count])).toEqual([
      ['sam-altman', 1],
      ['stoke-space', 1],
      ['spacex', 2],
      ['elon-musk', 2],
    ]);
    expect(s.entities[1]?.firstContext).toBe(
      'Sam Altman explored a deal with Stoke Space, a rival of SpaceX.',
    );
    expect(s.entities[1]?.snippet).toEqual({
      before: 'Sam Altman explored a deal with ',
      name: 'Stoke Space',
      after: ', a rival of SpaceX.',
    });

    abort.abort();
    expect(document.body.innerHTML).toBe(original);
    expect([...document.body.querySelectorAll('p')].flatMap((p) => [...p.childNodes])).toEqual(
      textNodes,
    );
  });

  it('counts a headline’s surname once the article names the person in full', async () => {
    document.body.innerHTML = '<h1>Musk says no</h1><p>Elon Musk said so.</p>';
    const lens = start();
    await until(() => expect(marks()).toEqual(['elon-musk:Musk', 'elon-musk:Elon Musk']));
    expect(lens.summary().entities[0]?.firstContext).toBe('Musk says no');
  });

  it('follows text the page adds and edits, without reporting its own marks as changes', async () => {
    document.body.innerHTML = '<main><p id="a">Nothing yet</p></main>';
    const lens = start();
    await until(() => expect(lens.state).toBe('ready'));
    expect(marks()).toEqual([]);
    const p = document.createElement('p');
    p.textContent = 'OpenAI shipped';
    document.querySelector('main')?.append(p);
    await until(() => expect(marks()).toEqual(['openai:OpenAI']));
    (document.querySelector('#a')?.firstChild as Text).data = 'Neuralink now';
    await until(() => expect(marks()).toEqual(['neuralink:Neuralink', 'openai:OpenAI']));
    // Stable: wrapping did not trigger another round of reading, however long one waits.
    useFakeTimeouts();
    const read = calls.count;
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls.count).toBe(read);
    expect(marks()).toEqual(['neuralink:Neuralink', 'openai:OpenAI']);
  });

  it('paints text the page adds in the frame that first shows it', async () => {
    document.body.innerHTML = '<main><p>OpenAI leads.</p></main>';
    const lens = start();
    await until(() => expect(lens.state).toBe('ready'));
    await until(() => expect(marks()).toEqual(['openai:OpenAI']));
    const frames: FrameRequestCallback[] = [];
    const raf = vi
      .spyOn(window, 'requestAnimationFrame')
      .mockImplementation((cb) => frames.push(cb));
    try {
      document.querySelector('main')?.insertAdjacentHTML('beforeend', '<p>Then SpaceX.</p>');
      await until(() => expect(frames.length).toBeGreaterThan(0));
      expect(marks()).toEqual(['openai:OpenAI']);
      // The frame's callbacks: read and painted before they return, no task in between.
      for (const cb of frames.splice(0)) cb(performance.now());
      expect(marks()).toEqual(['openai:OpenAI', 'spacex:SpaceX']);
    } finally {
      raf.mockRestore();
    }
  });

  it('sends the badge count 250 ms after the first mention, then at most once a second', async () => {
    useFakeTimeouts();
    document.body.innerHTML = '<main><p>OpenAI leads.</p></main>';
    const counts: number[] = [];
    const lens = createLens({
      win: window as unknown as Window & typeof globalThis,
      signal: abort.signal,
      match: fakeMatch,
      entities: fakeEntities(),
      card: fakeCard,
      loadShow,
      loadUi,
      settings,
      site: 'example.com',
      page: () => '/story',
      onCount: (n) => counts.push(n),
    });
    // Marks are painted in the task after the mention is found, when the count's wait begins.
    await advanceUntil(() => expect(marks()).toEqual(['openai:OpenAI']));
    await vi.advanceTimersByTimeAsync(240);
    expect(counts).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    expect(counts).toEqual([1]);
    expect(lens.state).toBe('ready');

    // A feed adds a post every 100 ms: one report a second after the first change, not four.
    const main = document.querySelector('main') as Element;
    main.insertAdjacentHTML('beforeend', '<p>SpaceX, post 0.</p>');
    const found = await advanceUntil(() => expect(marks()).toHaveLength(2));
    for (let i = 1; i < 4; i++) {
      await vi.advanceTimersByTimeAsync(100);
      main.insertAdjacentHTML('beforeend', `<p>SpaceX, post ${i}.</p>`);
    }
    await vi.advanceTimersByTimeAsync(980 - found - 300);
    expect(counts).toEqual([1]);
    await vi.advanceTimersByTimeAsync(40);
    expect(counts).toEqual([1, 5]);
  });

  it('applies hidden entities and this site’s dismissals, live', async () => {
    document.body.innerHTML = '<p>OpenAI and SpaceX and Nueralink</p>';
    const lens = start({
      dismissals: [
        { site: 'example.com', entity: 'neuralink', text: 'Nueralink' },
        { site: 'other.org', entity: 'openai', text: 'OpenAI' },
      ],
    });
    await until(() => expect(marks()).toEqual(['openai:OpenAI', 'spacex:SpaceX']));
    lens.update({ hiddenEntities: ['openai'] });
    await until(() => expect(marks()).toEqual(['spacex:SpaceX']));
    lens.update({ hiddenEntities: [], dismissals: [] });
    await until(() =>
      expect(marks()).toEqual(['openai:OpenAI', 'spacex:SpaceX', 'neuralink:Nueralink']),
    );
    expect(lens.summary().total).toBe(3);
  });

  it('reveals the next mention with its card, focusable, in an open shadow root', async () => {
    document.body.innerHTML = '<p>OpenAI</p><p>SpaceX</p>';
    const lens = start();
    await until(() => expect(lens.summary().total).toBe(2));
    cardRequests.length = 0;
    expect(lens.reveal()).toEqual({ index: 1, total: 2 });
    // The card's text comes from the background, after a turn.
    await until(() => expect(document.querySelector('rivalry-lens')).not.toBeNull());
    const host = document.querySelector('rivalry-lens');
    expect(host?.parentNode).toBe(document.documentElement);
    const card = host?.shadowRoot?.querySelector('[role="dialog"]') as HTMLElement;
    expect(card.getAttribute('aria-label')).toBe('Rivalry Lens: OpenAI');
    expect(card.textContent).toContain('AI lab.');
    expect(host?.shadowRoot?.activeElement).toBe(card);
    expect(lens.reveal()).toEqual({ index: 2, total: 2 });
    await until(() => expect(card.getAttribute('aria-label')).toBe('Rivalry Lens: SpaceX'));
    expect(lens.reveal('openai')).toEqual({ index: 1, total: 1 });
    await until(() => expect(card.getAttribute('aria-label')).toBe('Rivalry Lens: OpenAI'));
    // Each entity's card was asked for once.
    expect(cardRequests).toEqual(['openai', 'spacex']);
    // Escape closes it and gives focus back.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(host?.shadowRoot?.activeElement ?? null).toBeNull();
    abort.abort();
    expect(document.querySelector('rivalry-lens')).toBeNull();
  });
});

describe('the part of the lens loaded with the first mention', () => {
  /** `loadShow`, counting its calls, with each answer held until `release`d (or failed). */
  function heldLoader() {
    const waiting: { resolve(): void; reject(e: Error): void }[] = [];
    const load = vi.fn(
      () =>
        new Promise<Awaited<ReturnType<typeof loadShow>>>((resolve, reject) => {
          waiting.push({ resolve: () => resolve(loadShow()), reject });
        }),
    );
    return { load, waiting };
  }

  it('is never loaded on a page with no mention, and is with the first one the page adds', async () => {
    document.body.innerHTML = '<article><p>Rockets and language models.</p></article>';
    const { load, waiting } = heldLoader();
    const lens = start({}, 'example.com', load);
    await until(() => expect(lens.state).toBe('ready'));
    await new Promise((r) => setTimeout(r, 50));
    expect(load).not.toHaveBeenCalled();
    expect(lens.summary().total).toBe(0);
    expect(lens.reveal()).toBeNull();
    await lens.orderReady();

    document.querySelector('article')?.insertAdjacentHTML('beforeend', '<p>SpaceX flew.</p>');
    await until(() => expect(load).toHaveBeenCalledTimes(1));
    // Found and counted before it is painted.
    expect(lens.summary().total).toBe(1);
    expect(marks()).toEqual([]);
    waiting[0]?.resolve();
    await until(() => expect(marks()).toEqual(['spacex:SpaceX']));
  });

  it('is loaded once, then paints what is found by then, as the settings are then', async () => {
    document.body.innerHTML =
      '<p id="a">OpenAI and SpaceX.</p><p id="b">Neuralink, Stoke Space.</p><p>More OpenAI.</p>';
    const { load, waiting } = heldLoader();
    const lens = start({}, 'example.com', load);
    await until(() => expect(lens.summary().total).toBe(5));
    expect(load).toHaveBeenCalledTimes(1);
    // Changed while it loads: a block goes, an entity is hidden.
    document.getElementById('b')?.remove();
    lens.update({ hiddenEntities: ['spacex'] });
    await until(() => expect(lens.summary().total).toBe(2));
    // The popup's questions wait for it: a reveal needs it.
    const revealed = lens.orderReady().then(() => lens.reveal('openai'));
    waiting[0]?.resolve();
    expect(await revealed).toEqual({ index: 1, total: 2 });
    await until(() => expect(marks()).toEqual(['openai:OpenAI', 'openai:OpenAI']));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says once that it failed to load, and tries again with the next mention', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    document.body.innerHTML = '<main><p>OpenAI leads.</p></main>';
    const { load, waiting } = heldLoader();
    const lens = start({}, 'example.com', load);
    await until(() => expect(load).toHaveBeenCalledTimes(1));
    waiting[0]?.reject(new Error('Extension context invalidated.'));
    await until(() => expect(error).toHaveBeenCalledTimes(1));
    expect(String(error.mock.calls[0]?.[0])).toContain('loading the highlights');
    expect(marks()).toEqual([]);

    document.querySelector('main')?.insertAdjacentHTML('beforeend', '<p>SpaceX flew.</p>');
    await until(() => expect(load).toHaveBeenCalledTimes(2));
    waiting[1]?.resolve();
    await until(() => expect(marks()).toEqual(['openai:OpenAI', 'spacex:SpaceX']));
    expect(lens.summary().total).toBe(2);
    error.mockRestore();
  });
  it('on a page that does not change, tries again when the popup asks after a failed load', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    document.body.innerHTML = '<p>OpenAI leads.</p>';
    const { load, waiting } = heldLoader();
    const lens = start({}, 'example.com', load);
    await until(() => expect(load).toHaveBeenCalledTimes(1));
    waiting[0]?.reject(new Error('Failed to fetch dynamically imported module'));
    await until(() => expect(error).toHaveBeenCalledTimes(1));
    const revealed = lens.orderReady().then(() => lens.reveal());
    await until(() => expect(load).toHaveBeenCalledTimes(2));
    waiting[1]?.resolve();
    expect(await revealed).toEqual({ index: 1, total: 1 });
    await until(() => expect(marks()).toEqual(['openai:OpenAI']));
    error.mockRestore();
  });

  it('answers the popup and says once when the loaded part fails to start', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    document.body.innerHTML = '<p>OpenAI leads.</p>';
    const broken = {
      createShow: () => {
        throw new Error('out of step');
      },
    } as unknown as Awaited<ReturnType<typeof loadShow>>;
    const load = vi.fn(() => Promise.resolve(broken));
    const lens = start({}, 'example.com', load);
    await until(() => expect(load).toHaveBeenCalledTimes(1));
    // Neither question is left rejected; each asks the loader again.
    await expect(lens.orderReady()).resolves.toBeUndefined();
    await expect(lens.orderReady()).resolves.toBeUndefined();
    expect(load).toHaveBeenCalledTimes(3);
    expect(lens.summary().total).toBe(1);
    expect(lens.reveal()).toBeNull();
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  it('says nothing of a load that fails after the lens was turned off', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    document.body.innerHTML = '<p>OpenAI leads.</p>';
    const { load, waiting } = heldLoader();
    start({}, 'example.com', load);
    await until(() => expect(load).toHaveBeenCalledTimes(1));
    abort.abort();
    waiting[0]?.reject(new Error('Extension context invalidated.'));
    await new Promise((r) => setTimeout(r, 20));
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });

  it('flashes a mention revealed the moment it loads', async () => {
    document.body.innerHTML = '<p>OpenAI and SpaceX.</p>';
    const { load, waiting } = heldLoader();
    const lens = start({}, 'example.com', load);
    await until(() => expect(load).toHaveBeenCalledTimes(1));
    const revealed = lens.orderReady().then(() => lens.reveal('spacex'));
    waiting[0]?.resolve();
    expect(await revealed).toEqual({ index: 1, total: 1 });
    const outlined = [...document.querySelectorAll<HTMLElement>('rivalry-mark')]
      .filter((m) => m.style.outline !== '')
      .map((m) => m.textContent);
    expect(outlined).toEqual(['SpaceX']);
  });
});

describe('contextOf', () => {
  const text =
    'In a filing on Friday the board of OpenAI said that Sam Altman had met the founders of a ' +
    'rocket company twice, and that talks about a deal had ended in the spring of that year.';
  const mentions = ['OpenAI', 'Sam Altman', 'In', 'year'].map((name) => ({
    start: text.indexOf(name),
    end: text.indexOf(name) + name.length,
  }));
  const found = (runText: string | LongText, m: { start: number; end: number }) =>
    ({ mention: { ...m, text: '' }, run: { text: runText, segments: [] } }) as unknown as Found;

  it('gives whole words around a mention, marking what was cut', () => {
    expect(contextOf(found(text, mentions[1] as { start: number; end: number }))).toBe(
      '…the board of OpenAI said that Sam Altman had met the founders of a…',
    );
  });

  it('splits the words around the mention, the name as the page wrote it', () => {
    const m = mentions[1] as { start: number; end: number };
    expect(snippetOf(found(text, m))).toEqual({
      before: '…the board of OpenAI said that ',
      name: 'Sam Altman',
      after: ' had met the founders of a…',
    });
    // At the start of the run nothing is cut before; whitespace inside a name is squeezed.
    const spaced = 'Sam\n  Altman said so.';
    expect(snippetOf(found(spaced, { start: 0, end: 12 }))).toEqual({
      before: '',
      name: 'Sam Altman',
      after: ' said so.',
    });
  });

  it('cuts inside a word rather than into the name, when the only space is on its far side', () => {
    const before = `${'x'.repeat(40)}SpaceX and more`;
    expect(snippetOf(found(before, { start: 40, end: 46 }))).toMatchObject({
      before: `…${'x'.repeat(32)}`,
      name: 'SpaceX',
    });
    const after = `a few words SpaceX${'y'.repeat(40)}`;
    expect(snippetOf(found(after, { start: 12, end: 18 }))).toEqual({
      before: 'a few words ',
      name: 'SpaceX',
      after: `${'y'.repeat(32)}…`,
    });
  });

  it('keeps the whole last word when the context ends right before a space', () => {
    // 32 characters after the name end just before the space that follows "fit".
    const after = ' and then a word that should fit and no more';
    const text = `SpaceX${after}`;
    expect(after.charAt(32)).toBe(' ');
    expect(snippetOf(found(text, { start: 0, end: 6 })).after).toBe(`${after.slice(0, 32)}…`);
  });

  it('leaves out white space at the edges of a block', () => {
    expect(snippetOf(found(' SpaceX flies ', { start: 1, end: 7 }))).toEqual({
      before: '',
      name: 'SpaceX',
      after: ' flies',
    });
  });

  it('reads only the neighbourhood of the mention from a run of pieces', () => {
    // A run of a megabyte in pieces (a text node read in chunks), with a name in the middle.
    const filler = 'the budget was discussed again, '.repeat(16_384);
    const pieces = [filler, 'and then Sam Altman said so, ', filler];
    let widest = 0;
    const run = new (class extends LongText {
      override slice(from: number, to: number): string {
        widest = Math.max(widest, to - from);
        return super.slice(from, to);
      }
    })(pieces);
    const start = filler.length + 'and then '.length;
    const context = contextOf(found(run, { start, end: start + 'Sam Altman'.length }));
    expect(context).toContain('and then Sam Altman said so,');
    // The mention, 32 characters on each side, and one more (see `contextOf`).
    expect(widest).toBeLessThanOrEqual('Sam Altman'.length + 2 * 32 + 1);
  });

  it('reads the same from a run kept in pieces, wherever the pieces are cut', () => {
    for (let a = 0; a <= text.length; a += 3) {
      for (let b = a; b <= text.length; b += 5) {
        const pieces = new LongText([text.slice(0, a), text.slice(a, b), text.slice(b)]);
        for (const m of mentions) {
          expect(contextOf(found(pieces, m)), `${a} ${b}`).toBe(contextOf(found(text, m)));
        }
      }
    }
  });
});

describe('lens with the Highlight API', () => {
  /** A stand-in for the page's Highlight API, on the window the lens is given. */
  function standIn() {
    const registry = new Map<string, FakeHighlight>();
    const w = window as unknown as Record<string, unknown>;
    const before = { Highlight: w.Highlight, HighlightRegistry: w.HighlightRegistry, CSS: w.CSS };
    w.Highlight = FakeHighlight;
    w.HighlightRegistry = class {};
    Object.defineProperty(window, 'CSS', {
      value: { ...(before.CSS as object), highlights: registry },
      configurable: true,
      writable: true,
    });
    return {
      painted: () => [...registry.values()].reduce((n, hl) => n + hl.size, 0),
      restore() {
        w.Highlight = before.Highlight;
        w.HighlightRegistry = before.HighlightRegistry;
        Object.defineProperty(window, 'CSS', {
          value: before.CSS,
          configurable: true,
          writable: true,
        });
      },
    };
  }

  it('paints what waited for the end of the first reading as soon as it ends', async () => {
    const api = standIn();
    try {
      const rows = Array.from({ length: 3000 }, (_, i) =>
        i % 100 === 0 ? `<p>SpaceX ${i}</p>` : `<p>row ${i}</p>`,
      );
      document.body.innerHTML = rows.join('');
      let sawLoading = false;
      const lens = start();
      expect(lens.painterMode).toBe('highlight');
      // At the moment the state turns, with no time for the longest wait to pass.
      const at = await new Promise<number>((resolve) => {
        const look = () => {
          if (lens.state === 'loading') sawLoading = true;
          if (lens.state === 'ready') resolve(api.painted());
          else setTimeout(look, 0);
        };
        look();
      });
      expect(sawLoading).toBe(true);
      expect(lens.summary().total).toBe(30);
      expect(at).toBe(30);
    } finally {
      api.restore();
    }
  }, 30_000);
});
