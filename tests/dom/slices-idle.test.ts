// @vitest-environment happy-dom
/**
 * Idle slices take the idle period the browser offers while no input waits, and stay short
 * while it does (or where the browser cannot tell). The clock is the test's: each unit of work
 * takes one millisecond of it, so the work done is the slice's length.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSliceRunner, IDLE_SLICE_MAX_MS, INPUT_CHECK_MS } from '../../content/scan/slices';

const BUDGET = 8;
let now: number;
let pending: (() => boolean) | undefined;
let idle: ((deadline: IdleDeadline) => void) | null;
let abort: AbortController;

beforeEach(() => {
  now = 0;
  idle = null;
  pending = undefined;
  abort = new AbortController();
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  vi.stubGlobal('requestIdleCallback', (cb: (d: IdleDeadline) => void) => {
    idle = cb;
    return 1;
  });
  vi.stubGlobal('cancelIdleCallback', () => {
    idle = null;
  });
  Object.defineProperty(navigator, 'scheduling', {
    configurable: true,
    get: () => (pending ? { isInputPending: () => pending?.() ?? false } : undefined),
  });
});
afterEach(() => {
  abort.abort();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'scheduling');
});

/**
 * Runs one idle slice offering `remaining` ms (or called at its timeout), each unit of work
 * taking `unitMs`; returns the units done in it.
 */
function idleSlice(remaining: number, unitMs = 1, didTimeout = false): number {
  let units = 0;
  const runner = createSliceRunner(
    (hasTime) => {
      while (hasTime()) {
        units++;
        now += unitMs;
      }
      return false;
    },
    abort.signal,
    BUDGET,
  );
  runner.kick();
  const cb = idle as ((d: IdleDeadline) => void) | null;
  expect(cb).not.toBeNull();
  cb?.({ didTimeout, timeRemaining: () => remaining });
  return units;
}

describe('idle slices', () => {
  it('take the idle period, up to the cap, when no input is pending', () => {
    pending = () => false;
    expect(idleSlice(50)).toBe(IDLE_SLICE_MAX_MS);
    expect(idleSlice(15)).toBe(15);
  });

  it('stay short while input is pending', () => {
    pending = () => true;
    expect(idleSlice(50)).toBe(BUDGET);
  });

  it('give the time back as soon as input comes', () => {
    const start = now;
    pending = () => now - start >= 12;
    expect(idleSlice(50)).toBe(12);
  });

  it('ask about input once a millisecond, however small the units of work', () => {
    let asked = 0;
    pending = () => {
      asked++;
      return false;
    };
    // 0.01 ms a unit: 2,500 units in the slice, and a question every INPUT_CHECK_MS.
    expect(idleSlice(50, 0.01)).toBeGreaterThanOrEqual(IDLE_SLICE_MAX_MS / 0.01 - 1);
    // One question decides the slice's length, the rest come from the slice.
    expect(asked).toBeLessThanOrEqual(1 + Math.ceil(IDLE_SLICE_MAX_MS / INPUT_CHECK_MS) + 1);
  });

  it('stay over once input was seen, even for a step that asks again', () => {
    const start = now;
    pending = () => now - start >= 5;
    let units = 0;
    const runner = createSliceRunner(
      (hasTime) => {
        // A step that checks once per item and goes on to the next item's check.
        for (let i = 0; i < 100; i++) {
          if (!hasTime()) continue;
          units++;
          now += 0.25;
        }
        return false;
      },
      abort.signal,
      BUDGET,
    );
    runner.kick();
    (idle as ((d: IdleDeadline) => void) | null)?.({ didTimeout: false, timeRemaining: () => 50 });
    expect(units).toBeLessThanOrEqual(5 / 0.25 + INPUT_CHECK_MS / 0.25);
  });

  it('stay short where the browser cannot tell', () => {
    pending = undefined;
    expect(idleSlice(50)).toBe(BUDGET);
  });

  it('take a short slice when the page was never idle before the timeout', () => {
    // The browser then offers no idle time at all: the slice has its own budget instead.
    pending = () => false;
    expect(idleSlice(0, 1, true)).toBe(BUDGET);
  });
});
