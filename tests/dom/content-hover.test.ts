// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHover } from '../../content/card/hover';
import type { Found } from '../../content/found';
import { advanceUntil, until, useFakeTimeouts } from './content-helpers';

let abort: AbortController;
let tests: [number, number][];
beforeEach(() => {
  abort = new AbortController();
  tests = [];
  createHover({
    win: window,
    signal: abort.signal,
    hitTest: (x, y) => {
      tests.push([x, y]);
      return null;
    },
    inCard: () => false,
    dwellMs: () => 300,
    current: () => null,
    open: () => {},
    close: () => {},
    same: (a, b) => a === b,
  });
});
afterEach(() => {
  vi.useRealTimers();
  abort.abort();
});

const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));

describe('hover', () => {
  it('hit-tests on scroll only while a pointer is over the page', async () => {
    // A page that scrolls itself (an infinite feed) with no pointer over it: no hit test.
    window.dispatchEvent(new Event('scroll'));
    await frame();
    await frame();
    expect(tests).toEqual([]);

    window.dispatchEvent(new PointerEvent('pointermove', { clientX: 10, clientY: 20 }));
    await until(() => expect(tests).toEqual([[10, 20]]));
    window.dispatchEvent(new Event('scroll'));
    await until(() => expect(tests.length).toBe(2));

    // The pointer left the window: scrolling tests nothing again.
    document.dispatchEvent(new PointerEvent('pointerout', { relatedTarget: null }));
    window.dispatchEvent(new Event('scroll'));
    await frame();
    await frame();
    expect(tests.length).toBe(2);
  });

  it('says when the pointer comes onto a mention, and opens its card only after the dwell', async () => {
    useFakeTimeouts();
    abort.abort();
    abort = new AbortController();
    const mention = { mention: { entity: 'openai' } } as unknown as Found;
    const events: string[] = [];
    let open: Found | null = null;
    createHover({
      win: window,
      signal: abort.signal,
      hitTest: (x) => (x > 100 ? mention : null),
      inCard: () => false,
      dwellMs: () => 200,
      current: () => open,
      open: (f) => {
        events.push('open');
        open = f;
      },
      approach: () => events.push('approach'),
      close: () => events.push('close'),
      same: (a, b) => a === b,
    });
    window.dispatchEvent(new PointerEvent('pointermove', { clientX: 150, clientY: 20 }));
    // The dwell starts when the pointer comes onto the mention.
    await advanceUntil(() => expect(events).toEqual(['approach']));
    // Resting on the same mention asks nothing more.
    window.dispatchEvent(new PointerEvent('pointermove', { clientX: 160, clientY: 20 }));
    await frame();
    expect(events).toEqual(['approach']);
    await vi.advanceTimersByTimeAsync(190);
    expect(events).toEqual(['approach']);
    await vi.advanceTimersByTimeAsync(15);
    expect(events).toEqual(['approach', 'open']);
  });
});
