// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OneShot } from '../../content/one-shot';

const WAIT_MS = 100;

let abort: AbortController;
beforeEach(() => {
  vi.useFakeTimers();
  abort = new AbortController();
});
afterEach(() => {
  abort.abort();
  vi.useRealTimers();
});

describe('OneShot', () => {
  it('runs once after its wait, pending until then', () => {
    const timer = new OneShot(abort.signal);
    const fn = vi.fn();
    expect(timer.pending).toBe(false);
    timer.set(fn, WAIT_MS);
    expect(timer.pending).toBe(true);
    vi.advanceTimersByTime(WAIT_MS - 1);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledOnce();
    expect(timer.pending).toBe(false);
    vi.runAllTimers();
    expect(fn).toHaveBeenCalledOnce();
  });

  it('is pending no more while its function runs, so it can set itself again', () => {
    const timer = new OneShot(abort.signal);
    const seen: boolean[] = [];
    timer.set(() => seen.push(timer.pending), WAIT_MS);
    vi.runAllTimers();
    expect(seen).toEqual([false]);
  });

  it('replaces the wait and the function when set again', () => {
    const timer = new OneShot(abort.signal);
    const first = vi.fn();
    const second = vi.fn();
    timer.set(first, WAIT_MS);
    vi.advanceTimersByTime(WAIT_MS - 1);
    timer.set(second, WAIT_MS);
    vi.advanceTimersByTime(WAIT_MS - 1);
    expect(second).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
  });

  it('runs nothing once cancelled or aborted', () => {
    const timer = new OneShot(abort.signal);
    const fn = vi.fn();
    timer.set(fn, WAIT_MS);
    timer.cancel();
    expect(timer.pending).toBe(false);
    vi.runAllTimers();
    timer.set(fn, WAIT_MS);
    abort.abort();
    expect(timer.pending).toBe(false);
    vi.runAllTimers();
    expect(fn).not.toHaveBeenCalled();
  });
});
