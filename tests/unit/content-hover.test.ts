// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHover } from '../../content/hover';
import { until } from './content-helpers';

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
afterEach(() => abort.abort());

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
});
