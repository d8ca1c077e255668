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

  const run = (ms: number, urgent = false) => {
    cancel();
    if (signal.aborted) return;
    const end = performance.now() + ms;
    let more: boolean;
    try {
      more = step(() => performance.now() < end);
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
          (deadline) =>
            run(deadline.didTimeout ? budgetMs : Math.min(budgetMs, deadline.timeRemaining())),
          { timeout: 250 },
        );
      } else {
        taskHandle = setTimeout(() => run(budgetMs), 1);
      }
    },
  };
  return runner;
}
