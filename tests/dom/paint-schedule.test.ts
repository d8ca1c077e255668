// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAINT_ALL_LIMIT } from '../../content/budgets';
import type { Found } from '../../content/found';
import {
  createPaintSchedule,
  MAX_WAIT_MS,
  MENTIONS_PER_MS,
  type PaintSchedule,
} from '../../content/paint/paint-schedule';
import type { Painter } from '../../content/paint/painter';
import type { ReadRoot } from '../../content/read/dom-rules';
import { foundWord, page } from './part-helpers';

type List = (found: readonly Found[]) => void;
let abort: AbortController;
let painter: Painter & {
  add: ReturnType<typeof vi.fn<List>>;
  remove: ReturnType<typeof vi.fn<List>>;
};
let index: {
  size: number;
  add: ReturnType<typeof vi.fn<List>>;
  remove: ReturnType<typeof vi.fn<List>>;
};
let marksChanged: ReturnType<typeof vi.fn<() => void>>;
let painted: ReturnType<typeof vi.fn<() => void>>;
let store: Map<ReadRoot, Found[]>;
/** Entities hidden by the reader. */
let hidden: Set<string>;
/** The page is being read for the first time. */
let reading: boolean;

function fakePainter(mode: Painter['mode']): typeof painter {
  return {
    mode,
    add: vi.fn(),
    remove: vi.fn(),
    flash: vi.fn(),
    setStyle: vi.fn(),
    entityOf: vi.fn(),
    destroy: vi.fn(),
  };
}

function schedule(mode: Painter['mode']): PaintSchedule {
  painter = fakePainter(mode);
  return createPaintSchedule({
    painter,
    index,
    active: (f) => !hidden.has(f.mention.entity),
    foundIn: (owner) => store.get(owner),
    all: () => store.values(),
    reading: () => reading,
    marksChanged,
    painted,
    signal: abort.signal,
  });
}

/** What the painter holds now, after its adds and removes. */
function onScreen(): Found[] {
  const held = new Set<Found>();
  const calls = [
    ...painter.add.mock.calls.map((c, i) => ({
      add: true,
      list: c[0],
      order: painter.add.mock.invocationCallOrder[i] as number,
    })),
    ...painter.remove.mock.calls.map((c, i) => ({
      add: false,
      list: c[0],
      order: painter.remove.mock.invocationCallOrder[i] as number,
    })),
  ].sort((a, b) => a.order - b.order);
  for (const { add, list } of calls) for (const f of list) add ? held.add(f) : held.delete(f);
  return [...held];
}

beforeEach(() => {
  vi.useFakeTimers();
  abort = new AbortController();
  index = { size: 0, add: vi.fn(), remove: vi.fn() };
  marksChanged = vi.fn();
  painted = vi.fn();
  store = new Map();
  hidden = new Set();
  reading = false;
});
afterEach(() => {
  abort.abort();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

/** Mentions of one block, also in the store the schedule asks. */
function mentions(): { p: HTMLElement; spacex: Found; openai: Found } {
  const $ = page('<p id="p">SpaceX and OpenAI</p>');
  const p = $('p');
  const spacex = foundWord(p, 'SpaceX', 'spacex');
  const openai = foundWord(p, 'OpenAI', 'openai');
  store.set(p, [spacex, openai]);
  return { p, spacex, openai };
}

describe('paint schedule', () => {
  it('paints the active mentions added after a wait that grows with the index', () => {
    const s = schedule('highlight');
    const { spacex, openai } = mentions();
    hidden.add('openai');
    index.size = 100 * MENTIONS_PER_MS;
    s.added([spacex, openai]);
    vi.advanceTimersByTime(100 - 1);
    expect(painter.add).not.toHaveBeenCalled();
    expect(s.shows(spacex)).toBe(true);
    expect(s.shows(openai)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(painter.add).toHaveBeenCalledExactlyOnceWith([spacex]);
    expect(index.add).toHaveBeenCalledExactlyOnceWith([spacex]);
    expect(painted).toHaveBeenCalledOnce();
  });

  it('waits at most the longest wait on a huge index', () => {
    const s = schedule('highlight');
    const { spacex } = mentions();
    index.size = 100 * MAX_WAIT_MS * MENTIONS_PER_MS;
    s.added([spacex]);
    vi.advanceTimersByTime(MAX_WAIT_MS - 1);
    expect(painter.add).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(painter.add).toHaveBeenCalledOnce();
  });

  it('while the page is first read, paints the first batch at once and the rest at its end', () => {
    const s = schedule('highlight');
    const { spacex, openai } = mentions();
    reading = true;
    s.added([spacex]);
    vi.advanceTimersByTime(0);
    expect(painter.add).toHaveBeenCalledExactlyOnceWith([spacex]);
    // One painted: outside the first reading this would wait no time at all.
    index.size = 1;
    s.added([openai]);
    vi.advanceTimersByTime(MAX_WAIT_MS - 1);
    expect(painter.add).toHaveBeenCalledOnce();
    reading = false;
    s.now();
    expect(painter.add).toHaveBeenLastCalledWith([openai]);
  });

  it('while the page is first read, waits no longer than the longest wait', () => {
    const s = schedule('highlight');
    const { spacex } = mentions();
    reading = true;
    index.size = 1;
    s.added([spacex]);
    vi.advanceTimersByTime(MAX_WAIT_MS - 1);
    expect(painter.add).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(painter.add).toHaveBeenCalledExactlyOnceWith([spacex]);
  });

  it('paints at once on `now`', () => {
    const s = schedule('highlight');
    const { spacex } = mentions();
    index.size = MAX_WAIT_MS * MENTIONS_PER_MS;
    s.added([spacex]);
    s.now();
    expect(painter.add).toHaveBeenCalledExactlyOnceWith([spacex]);
    vi.runAllTimers();
    expect(painter.add).toHaveBeenCalledOnce();
  });

  it('unpaints mentions removed, and never paints one removed before its turn', () => {
    const s = schedule('highlight');
    const { spacex, openai } = mentions();
    s.added([spacex]);
    s.now();
    s.added([openai]);
    s.removed([spacex, openai]);
    expect(painter.remove).toHaveBeenCalledExactlyOnceWith([spacex]);
    expect(index.remove).toHaveBeenCalledExactlyOnceWith([spacex]);
    vi.runAllTimers();
    expect(painter.add).toHaveBeenCalledOnce();
    expect(onScreen()).toEqual([]);
    expect(s.shows(openai)).toBe(false);
  });

  it('paints moved mentions again, and paints those moved before they were painted', () => {
    const s = schedule('highlight');
    const { spacex, openai } = mentions();
    s.added([spacex]);
    s.now();
    painter.add.mockClear();
    s.moved([spacex, openai]);
    expect(painter.remove).toHaveBeenCalledExactlyOnceWith([spacex]);
    expect(painter.add).toHaveBeenCalledExactlyOnceWith([spacex]);
    expect(painter.remove.mock.invocationCallOrder[0]).toBeLessThan(
      painter.add.mock.invocationCallOrder[0] as number,
    );
    vi.runAllTimers();
    expect(painter.add).toHaveBeenLastCalledWith([openai]);
  });

  it('paints hidden mentions shown again, and unpaints those hidden', () => {
    const s = schedule('highlight');
    const { spacex } = mentions();
    hidden.add('spacex');
    s.added([spacex]);
    vi.runAllTimers();
    expect(painter.add).not.toHaveBeenCalled();
    hidden.clear();
    s.show([spacex]);
    vi.runAllTimers();
    expect(painter.add).toHaveBeenCalledExactlyOnceWith([spacex]);
    s.hide([spacex]);
    expect(painter.remove).toHaveBeenCalledExactlyOnceWith([spacex]);
  });

  it('tells marks changed in mark mode only, and paints marks without a wait', () => {
    const marks = schedule('mark');
    const { spacex } = mentions();
    index.size = MAX_WAIT_MS * MENTIONS_PER_MS;
    marks.added([spacex]);
    expect(painter.add).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(painter.add).toHaveBeenCalledOnce();
    expect(marksChanged).toHaveBeenCalledTimes(1);
    marks.removed([spacex]);
    expect(marksChanged).toHaveBeenCalledTimes(2);

    const highlights = schedule('highlight');
    highlights.added([spacex]);
    highlights.now();
    highlights.removed([spacex]);
    expect(painter.add).toHaveBeenCalledOnce();
    expect(painter.remove).toHaveBeenCalledOnce();
    expect(marksChanged).toHaveBeenCalledTimes(2);
  });

  it('leaves out a mention emptied before its turn, and paints it once its range is set again', () => {
    const s = schedule('highlight');
    const { spacex } = mentions();
    s.added([spacex]);
    // The page rewrote the text under it: the live range collapsed.
    const { startContainer, startOffset, endOffset } = spacex.range;
    spacex.range.collapse(true);
    vi.runAllTimers();
    expect(painter.add).not.toHaveBeenCalled();
    expect(s.shows(spacex)).toBe(false);
    spacex.range.setEnd(startContainer, endOffset);
    spacex.range.setStart(startContainer, startOffset);
    s.moved([spacex]);
    vi.runAllTimers();
    expect(painter.add).toHaveBeenCalledExactlyOnceWith([spacex]);
  });

  it('does not paint what waits once aborted', () => {
    const s = schedule('highlight');
    const { spacex } = mentions();
    s.added([spacex]);
    abort.abort();
    vi.runAllTimers();
    expect(painter.add).not.toHaveBeenCalled();
  });
});

/** A stand-in IntersectionObserver: what it observes, and a way to report entries. */
class FakeIntersectionObserver {
  static last: FakeIntersectionObserver | null = null;
  static created = 0;
  readonly observed = new Set<Element>();
  constructor(readonly callback: IntersectionObserverCallback) {
    FakeIntersectionObserver.last = this;
    FakeIntersectionObserver.created++;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  report(target: Element, isIntersecting: boolean) {
    const entry = { target, isIntersecting } as IntersectionObserverEntry;
    this.callback([entry], this as unknown as IntersectionObserver);
  }
}

describe('paint schedule past PAINT_ALL_LIMIT', () => {
  beforeEach(() => {
    FakeIntersectionObserver.last = null;
    FakeIntersectionObserver.created = 0;
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  });

  /** A far block of PAINT_ALL_LIMIT mentions and a near block of one. */
  function hugePage() {
    const $ = page('<p id="far">SpaceX</p><p id="near">OpenAI</p>');
    const far = $('far');
    const near = $('near');
    const one = foundWord(far, 'SpaceX', 'spacex');
    const farList = Array.from({ length: PAINT_ALL_LIMIT }, () => ({ ...one }));
    const nearList = [foundWord(near, 'OpenAI', 'openai')];
    store.set(far, farList);
    store.set(near, nearList);
    return { far, near, farList, nearList };
  }

  it('paints everything up to the limit without an observer', () => {
    const s = schedule('highlight');
    const { farList } = hugePage();
    s.added(farList);
    vi.runAllTimers();
    expect(FakeIntersectionObserver.created).toBe(0);
    expect(painter.add).toHaveBeenCalledExactlyOnceWith(farList);
  });

  it('then paints only the mentions of blocks near the viewport', () => {
    const s = schedule('highlight');
    const { far, near, farList, nearList } = hugePage();
    s.added(farList);
    s.added(nearList);
    const io = FakeIntersectionObserver.last;
    expect(io).not.toBeNull();
    expect(io?.observed).toEqual(new Set([far, near]));
    vi.runAllTimers();
    expect(painter.add).not.toHaveBeenCalled();

    io?.report(near, true);
    vi.runAllTimers();
    expect(painter.add).toHaveBeenCalledExactlyOnceWith(nearList);

    io?.report(near, false);
    expect(painter.remove).toHaveBeenCalledExactlyOnceWith(nearList);
    expect(onScreen()).toEqual([]);

    // Read again while it is away: painted when it comes back, not before.
    const again = [foundWord(near, 'OpenAI', 'openai')];
    store.set(near, again);
    s.added(again);
    vi.runAllTimers();
    expect(onScreen()).toEqual([]);
    io?.report(near, true);
    vi.runAllTimers();
    expect(onScreen()).toEqual(again);
  });

  it('watches the blocks read after it began to paint near the viewport only', () => {
    const s = schedule('highlight');
    const { farList, nearList } = hugePage();
    s.added(farList);
    s.added(nearList);
    const later = document.createElement('p');
    later.textContent = 'Neuralink';
    document.body.append(later);
    const list = [foundWord(later, 'Neuralink', 'neuralink')];
    store.set(later, list);
    s.added(list);
    expect(FakeIntersectionObserver.last?.observed.has(later)).toBe(true);
    vi.runAllTimers();
    expect(onScreen()).toEqual([]);
  });

  it('stops watching a block once the page took it out', () => {
    const s = schedule('highlight');
    const { near, farList, nearList } = hugePage();
    s.added(farList);
    s.added(nearList);
    near.remove();
    s.removed(nearList);
    expect(FakeIntersectionObserver.last?.observed.has(near)).toBe(false);
  });

  it('keeps painting everything in mark mode', () => {
    const s = schedule('mark');
    const { farList, nearList } = hugePage();
    s.added(farList);
    s.added(nearList);
    vi.runAllTimers();
    expect(FakeIntersectionObserver.created).toBe(0);
    expect(onScreen()).toHaveLength(PAINT_ALL_LIMIT + 1);
  });
});
