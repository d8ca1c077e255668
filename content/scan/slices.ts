/**
 * Runs a long piece of work in short slices so the page stays responsive: each slice stops when
 * its budget is spent, and the next one waits for an idle period (or, when urgent, for the next
 * task, which still lets input and rendering in between).
 */

import { reportError } from '../../extension/report-error';
import { SLICE_BUDGET_MS } from '../budgets';

/** Does as much work as it can while `hasTime()`; returns true when work remains. */
export type SliceStep = (hasTime: () => boolean) => boolean;

export interface SliceRunner {
  /** Makes sure a slice is scheduled; `urgent` runs it in the next task instead of when idle. */
  kick(urgent?: boolean): void;
  /**
   * Runs a slice right away (in an animation frame's callbacks, before the frame is drawn), and
   * what is left in the next task.
   */
  now(): void;
}

/**
 * The longest idle slice when no input is pending: within the idle deadline (at most 50 ms),
 * and under the 30 ms that counts as a long task of ours in the benchmark.
 */
export const IDLE_SLICE_MAX_MS = 25;

/**
 * How often a slice that gives its time back to input asks whether input waits: asking costs
 * about as much as reading a small block, and a millisecond is far below what a person notices.
 */
export const INPUT_CHECK_MS = 1;

interface Scheduling {
  isInputPending?(options?: { includeContinuous?: boolean }): boolean;
}

/**
 * Whether input (keys, clicks, and the pointer and wheel moves of a scroll) waits for the main
 * thread; undefined where the browser cannot say (Firefox).
 */
function inputPending(): boolean | undefined {
  const scheduling = (navigator as { scheduling?: Scheduling }).scheduling;
  return scheduling?.isInputPending?.({ includeContinuous: true });
}

export function createSliceRunner(
  step: SliceStep,
  signal: AbortSignal,
  budgetMs = SLICE_BUDGET_MS,
  /** The step threw: no slice runs after it until the next `kick`. */
  onError: (error: unknown) => void = reportError,
): SliceRunner {
  let idleHandle: number | null = null;
  let taskHandle: ReturnType<typeof setTimeout> | null = null;
  const ric = typeof requestIdleCallback === 'function' ? requestIdleCallback : null;

  const cancel = () => {
    if (idleHandle !== null) cancelIdleCallback(idleHandle);
    if (taskHandle !== null) clearTimeout(taskHandle);
    idleHandle = null;
    taskHandle = null;
  };
  signal.addEventListener('abort', cancel, { once: true });

  const run = (ms: number, urgent = false, stopOnInput = false) => {
    cancel();
    if (signal.aborted) return;
    const end = performance.now() + ms;
    let nextInputCheck = 0;
    let gaveWay = false;
    // Once input is seen waiting, the slice is over, however often the step asks again.
    const beforeInput = () => {
      const t = performance.now();
      if (gaveWay || t >= end) return false;
      if (t < nextInputCheck) return true;
      nextInputCheck = t + INPUT_CHECK_MS;
      gaveWay = inputPending() === true;
      return !gaveWay;
    };
    let more: boolean;
    try {
      more = step(stopOnInput ? beforeInput : () => performance.now() < end);
    } catch (error) {
      onError(error);
      return;
    }
    if (more) runner.kick(urgent);
  };

  const runner: SliceRunner = {
    now() {
      run(budgetMs, true);
    },
    kick(urgent = false) {
      if (signal.aborted) return;
      if (urgent) {
        if (taskHandle !== null) return;
        if (idleHandle !== null) cancelIdleCallback(idleHandle);
        idleHandle = null;
        taskHandle = setTimeout(() => run(budgetMs), 0);
        return;
      }
      if (taskHandle !== null || idleHandle !== null) return;
      if (ric) {
        // The timeout guarantees progress on pages that are never idle (animations, tickers).
        idleHandle = ric(
          (deadline) => {
            if (deadline.didTimeout) return run(budgetMs);
            // No input waiting: the idle period the browser offers, up to a cap, given back as
            // soon as input comes; otherwise (or where the browser cannot tell) a short slice.
            const idle = inputPending() === false;
            const ms = Math.min(idle ? IDLE_SLICE_MAX_MS : budgetMs, deadline.timeRemaining());
            run(ms, false, idle);
          },
          { timeout: 250 },
        );
      } else {
        taskHandle = setTimeout(() => run(budgetMs), 1);
      }
    },
  };
  return runner;
}
