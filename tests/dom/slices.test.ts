// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSliceRunner, type SliceStep } from '../../content/scan/slices';

let abort: AbortController;
let onError: ReturnType<typeof vi.fn<(error: unknown) => void>>;

beforeEach(() => {
  vi.useFakeTimers();
  abort = new AbortController();
  onError = vi.fn();
});
afterEach(() => {
  abort.abort();
  vi.useRealTimers();
});

/** A step that throws on its first call, and after that always has more to do. */
function throwsOnce(error: Error) {
  let calls = 0;
  return vi.fn<SliceStep>(() => {
    if (++calls === 1) throw error;
    return true;
  });
}

describe('slice runner', () => {
  it('reports a throwing step once and runs no slice after it until kicked', () => {
    const error = new Error('step broke');
    const step = throwsOnce(error);
    const runner = createSliceRunner(step, abort.signal, undefined, onError);
    runner.kick(true);
    vi.advanceTimersByTime(1000);
    expect(step).toHaveBeenCalledOnce();
    expect(onError).toHaveBeenCalledExactlyOnceWith(error);
    expect(vi.getTimerCount()).toBe(0);

    // Kicked again: it goes on, slice after slice while work remains.
    runner.kick(true);
    vi.advanceTimersByTime(0);
    expect(step).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10);
    expect(step.mock.calls.length).toBeGreaterThan(2);
    expect(onError).toHaveBeenCalledOnce();
  });

  it('reports a step that throws in `now` without scheduling another slice', () => {
    const error = new Error('now broke');
    const step = throwsOnce(error);
    const runner = createSliceRunner(step, abort.signal, undefined, onError);
    runner.now();
    expect(onError).toHaveBeenCalledExactlyOnceWith(error);
    vi.advanceTimersByTime(1000);
    expect(step).toHaveBeenCalledOnce();
  });

  it('runs one urgent slice however often kicked, and what `now` leaves in the next task', () => {
    // An idle callback that never comes: a busy page.
    vi.stubGlobal('requestIdleCallback', () => 1);
    vi.stubGlobal('cancelIdleCallback', () => {});
    try {
      let left = 2;
      const step = vi.fn<SliceStep>(() => --left > 0);
      const runner = createSliceRunner(step, abort.signal, undefined, onError);
      runner.kick(true);
      runner.kick(true);
      vi.advanceTimersByTime(0);
      expect(step).toHaveBeenCalledOnce();
      // What an urgent slice leaves waits for the page to be idle…
      vi.advanceTimersByTime(1000);
      expect(step).toHaveBeenCalledOnce();
      // …but what a slice in a frame's callbacks leaves gets the next task, then waits too.
      left = 4;
      runner.now();
      expect(step).toHaveBeenCalledTimes(2);
      vi.advanceTimersByTime(0);
      expect(step).toHaveBeenCalledTimes(3);
      vi.advanceTimersByTime(1000);
      expect(step).toHaveBeenCalledTimes(3);
    } finally {
      // While the stand-in is there: aborting cancels the idle callback.
      abort.abort();
      vi.unstubAllGlobals();
    }
  });

  it('runs slices until the step has nothing left, and none once aborted', () => {
    let left = 3;
    const step = vi.fn<SliceStep>(() => --left > 0);
    const runner = createSliceRunner(step, abort.signal, undefined, onError);
    runner.kick();
    vi.advanceTimersByTime(1000);
    expect(step).toHaveBeenCalledTimes(3);
    runner.kick(true);
    abort.abort();
    vi.advanceTimersByTime(1000);
    expect(step).toHaveBeenCalledTimes(3);
  });
});
