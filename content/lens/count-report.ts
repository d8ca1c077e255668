/**
 * The number of mentions the badge shows, reported to the background a short while after the
 * first change and then at most once a second: on a feed that grows several times a second, a
 * message per change was a good part of our time.
 */
import { OneShot } from '../one-shot';

export const COUNT_FIRST_MS = 250;
export const COUNT_EVERY_MS = 1000;

export interface CountReport {
  /** The count may have changed. */
  changed(): void;
}

/**
 * The count last reported starts at 0, what the badge shows for a page nothing was reported for
 * (the background clears it when a tab navigates and when the lens is turned off): a page
 * without a mention sends no message at all, and one that re-renders its mentions keeps its count.
 */
export function createCountReport(
  count: () => number,
  send: ((total: number) => void) | undefined,
  signal: AbortSignal,
): CountReport {
  let reported = 0;
  const timer = new OneShot(signal);
  return {
    changed() {
      if (!send || timer.pending) return;
      timer.set(
        () => {
          const total = count();
          if (signal.aborted || total === reported) return;
          reported = total;
          send(total);
        },
        reported === 0 ? COUNT_FIRST_MS : COUNT_EVERY_MS,
      );
    },
  };
}
