// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReadRoot } from '../../content/read/dom-rules';
import { startFirstPass } from '../../content/scan/viewport';

let abort: AbortController;
let begin: ReturnType<typeof vi.fn<(first: readonly ReadRoot[], body: HTMLElement) => void>>;
/** Frame callbacks asked for and not cancelled, run by `drawFrame`. */
let frames: Map<number, FrameRequestCallback>;

beforeEach(() => {
  vi.useFakeTimers();
  abort = new AbortController();
  begin = vi.fn();
  frames = new Map();
  let next = 0;
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => {
    frames.set(++next, cb);
    return next;
  });
  vi.spyOn(window, 'cancelAnimationFrame').mockImplementation((handle) => {
    frames.delete(handle);
  });
});
afterEach(() => {
  abort.abort();
  vi.restoreAllMocks();
  vi.useRealTimers();
  Reflect.deleteProperty(document, 'visibilityState');
});

function drawFrame() {
  const due = [...frames.values()];
  frames.clear();
  for (const cb of due) cb(performance.now());
}

describe('first pass', () => {
  it('begins at once, with no owners first, on a hidden page', () => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    startFirstPass(document, abort.signal, begin);
    expect(begin).toHaveBeenCalledExactlyOnceWith([], document.body);
    expect(window.requestAnimationFrame).not.toHaveBeenCalled();
  });

  it('begins after a frame and then a task on a visible page', () => {
    startFirstPass(document, abort.signal, begin);
    vi.runAllTimers();
    expect(begin).not.toHaveBeenCalled();
    drawFrame();
    expect(begin).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(begin).toHaveBeenCalledExactlyOnceWith([], document.body);
  });

  it('never begins when aborted before the frame', () => {
    startFirstPass(document, abort.signal, begin);
    abort.abort();
    drawFrame();
    vi.runAllTimers();
    expect(begin).not.toHaveBeenCalled();
  });

  it('never begins when aborted between the frame and the task', () => {
    startFirstPass(document, abort.signal, begin);
    drawFrame();
    abort.abort();
    vi.runAllTimers();
    expect(begin).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
