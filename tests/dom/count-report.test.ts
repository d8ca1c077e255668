// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  COUNT_EVERY_MS,
  COUNT_FIRST_MS,
  type CountReport,
  createCountReport,
} from '../../content/lens/count-report';

let abort: AbortController;
let count: number;
let send: ReturnType<typeof vi.fn<(total: number) => void>>;
let report: CountReport;

/**
 * Advances to just before `ms`. (With a wait of 0 this is a tick of 0, which runs what is due
 * at once: an assertion that nothing ran yet then fails, as it should.)
 */
const justBefore = (ms: number) => vi.advanceTimersByTime(Math.max(0, ms - 1));

beforeEach(() => {
  vi.useFakeTimers();
  abort = new AbortController();
  count = 0;
  send = vi.fn();
  report = createCountReport(() => count, send, abort.signal);
});
afterEach(() => {
  abort.abort();
  vi.useRealTimers();
});

describe('count report', () => {
  it('sends the first count COUNT_FIRST_MS after the first change, not before', () => {
    count = 3;
    report.changed();
    justBefore(COUNT_FIRST_MS);
    expect(send).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(send).toHaveBeenCalledExactlyOnceWith(3);
  });

  it('sends the count it has when the wait ends, once for many changes', () => {
    count = 1;
    report.changed();
    count = 2;
    report.changed();
    count = 5;
    report.changed();
    vi.advanceTimersByTime(COUNT_FIRST_MS);
    expect(send).toHaveBeenCalledExactlyOnceWith(5);
  });

  it('sends later counts at most every COUNT_EVERY_MS', () => {
    count = 3;
    report.changed();
    vi.advanceTimersByTime(COUNT_FIRST_MS);
    count = 4;
    report.changed();
    justBefore(COUNT_EVERY_MS);
    count = 6;
    report.changed();
    expect(send).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenLastCalledWith(6);
  });

  it('sends nothing when the count did not change', () => {
    report.changed();
    vi.advanceTimersByTime(COUNT_FIRST_MS + COUNT_EVERY_MS);
    expect(send).not.toHaveBeenCalled();
    count = 2;
    report.changed();
    vi.advanceTimersByTime(COUNT_FIRST_MS);
    report.changed();
    vi.advanceTimersByTime(COUNT_EVERY_MS);
    expect(send).toHaveBeenCalledExactlyOnceWith(2);
  });

  it('sends nothing once aborted', () => {
    count = 3;
    report.changed();
    abort.abort();
    vi.runAllTimers();
    report.changed();
    vi.runAllTimers();
    expect(send).not.toHaveBeenCalled();
  });

  it('sets no timer when there is nowhere to send to', () => {
    const counter = vi.fn(() => 3);
    createCountReport(counter, undefined, abort.signal).changed();
    expect(vi.getTimerCount()).toBe(0);
    vi.runAllTimers();
    expect(counter).not.toHaveBeenCalled();
  });
});
