// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Found } from '../../content/found';
import { createDocOrder } from '../../content/lens/doc-order';
import { createReveal, FLASH_MS, type Reveal, stepFrom } from '../../content/lens/reveal';
import { foundWord, page } from './part-helpers';

let abort: AbortController;
/** The scanner's current mentions, in any order. */
let current: Found[];
let flash: ReturnType<typeof vi.fn<(range: Range | null) => void>>;
let open: ReturnType<typeof vi.fn<(found: Found) => void>>;
let reveal: Reveal;

beforeEach(() => {
  vi.useFakeTimers();
  abort = new AbortController();
  current = [];
  flash = vi.fn();
  open = vi.fn();
  const order = createDocOrder();
  reveal = createReveal({
    win: window,
    signal: abort.signal,
    ordered: (entity, extra) => {
      const list = current.filter((f) => !entity || f.mention.entity === entity);
      if (extra && !list.includes(extra)) list.push(extra);
      return order.sort(list, (f) => f.range);
    },
    isCurrent: (f) => current.includes(f),
    flash,
    open,
  });
});
afterEach(() => {
  abort.abort();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

/** Four mentions, each in its own block, at `bottoms` from the viewport's top. */
function mentions(bottoms: number[]): Found[] {
  const words = ['SpaceX', 'OpenAI', 'SpaceX', 'OpenAI'];
  const $ = page(words.map((w, i) => `<p id="p${i}">${w}</p>`).join(''));
  const list = words.map((w, i) => {
    const f = foundWord($(`p${i}`), w, w.toLowerCase());
    const bottom = bottoms[i] as number;
    f.range.getBoundingClientRect = () => new DOMRect(0, bottom - 20, 100, 20);
    return f;
  });
  // Given out of order: the reveal goes by document order, not by the scanner's order.
  current = [list[2], list[0], list[3], list[1]] as Found[];
  return list;
}

const opened = () => open.mock.calls.map(([f]) => f);

describe('reveal', () => {
  it('answers null, and does nothing, with no mention', () => {
    expect(reveal()).toBeNull();
    expect(flash).not.toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();
  });

  it('starts at the first mention not above the viewport, goes on, and wraps', () => {
    const list = mentions([-300, -10, 50, 400]);
    const positions = [1, 2, 3, 4].map(() => reveal());
    expect(opened()).toEqual([list[2], list[3], list[0], list[1]]);
    // The position counts in document order, as the reader does.
    expect(positions).toEqual([3, 4, 1, 2].map((index) => ({ index, total: 4 })));
  });

  it('starts at the first when every mention is above the viewport', () => {
    const list = mentions([-400, -300, -200, -100]);
    reveal();
    expect(opened()).toEqual([list[0]]);
  });

  it('goes on after the last revealed even when its block was read again', () => {
    const list = mentions([50, 100, 150, 200]);
    reveal();
    // The block read again: a new object for the same mention.
    const again = { ...(list[0] as Found) };
    current = current.map((f) => (f === list[0] ? again : f));
    reveal();
    expect(opened()).toEqual([list[0], list[1]]);
  });

  it('goes through the mentions of one entity when asked for it', () => {
    const list = mentions([50, 100, 150, 200]);
    reveal();
    const positions = [reveal('openai'), reveal('openai'), reveal('openai')];
    expect(opened()).toEqual([list[0], list[1], list[3], list[1]]);
    // Among that entity's mentions only.
    expect(positions).toEqual([1, 2, 1].map((index) => ({ index, total: 2 })));
  });

  it('flashes the mention revealed, and clears the flash after FLASH_MS', () => {
    const list = mentions([50, 100, 150, 200]);
    reveal();
    expect(flash).toHaveBeenCalledExactlyOnceWith(list[0]?.range);
    vi.advanceTimersByTime(FLASH_MS - 1);
    expect(flash).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(1);
    expect(flash).toHaveBeenLastCalledWith(null);
  });
});

describe('stepFrom', () => {
  it('gives the next and previous mention with its position, going round at the ends', () => {
    const [a, , c] = mentions([100, 200, 300, 400]) as Found[];
    const spacex = [a, c] as Found[];
    expect(stepFrom(spacex, a as Found, 0)).toEqual({ found: a, index: 1, total: 2 });
    expect(stepFrom(spacex, a as Found, 1)).toEqual({ found: c, index: 2, total: 2 });
    expect(stepFrom(spacex, c as Found, 1)).toEqual({ found: a, index: 1, total: 2 });
    expect(stepFrom(spacex, a as Found, -1)).toEqual({ found: c, index: 2, total: 2 });
  });

  it('is null for a mention no longer among them', () => {
    const [a, b] = mentions([100, 200, 300, 400]) as Found[];
    expect(stepFrom([a as Found], b as Found, 1)).toBeNull();
  });
});

describe('bring', () => {
  it('scrolls to the mention, flashes it, and the next reveal goes on after it', () => {
    const list = mentions([100, 200, 300, 400]);
    const scrolled = vi.fn();
    (list[2]?.range.startContainer.parentElement as HTMLElement).scrollIntoView = scrolled;
    reveal.bring(list[2] as Found);
    expect(scrolled).toHaveBeenCalledOnce();
    expect(flash).toHaveBeenLastCalledWith((list[2] as Found).range);
    expect(reveal()).toEqual({ index: 4, total: 4 });
    expect(opened()).toEqual([list[3]]);
  });
});
