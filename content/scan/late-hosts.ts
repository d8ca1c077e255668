/**
 * Custom elements seen without a shadow root, looked at again a few times (0.5 s after the last
 * one was seen, then 2 s and 8 s after the look before): a component whose definition loads late attaches its shadow root
 * without any mutation record that the observer could report.
 */
import { OneShot } from '../one-shot';
import { shadowOf } from '../read/shadow';

/** The waits before each look, each from the look before. */
export const LOOK_DELAYS_MS = [500, 2000, 8000];
/** Candidates watched at most: a page of thousands of custom elements is not waited for. */
const MAX_WATCHED = 5000;

export interface LateHosts {
  /** Elements that may become shadow hosts later. */
  watch(elements: readonly Element[]): void;
}

/**
 * `isRead` tells a shadow root already read; `onFound` gets each new one, and `found` is called
 * once after a round that found any.
 */
export function createLateHosts(
  signal: AbortSignal,
  isRead: (root: ShadowRoot) => boolean,
  onFound: (root: ShadowRoot) => void,
  found: () => void,
): LateHosts {
  const maybe = new Set<Element>();
  const timer = new OneShot(signal);
  let round = 0;

  const check = () => {
    let any = false;
    for (const el of maybe) {
      const sr = shadowOf(el);
      if (!el.isConnected || sr) maybe.delete(el);
      if (el.isConnected && sr && !isRead(sr)) {
        onFound(sr);
        any = true;
      }
    }
    if (any) found();
    const delay = LOOK_DELAYS_MS[++round];
    if (maybe.size && delay !== undefined) timer.set(check, delay);
  };

  return {
    watch(elements) {
      if (!elements.length) return;
      for (const el of elements) if (maybe.size < MAX_WATCHED) maybe.add(el);
      round = 0;
      timer.set(check, LOOK_DELAYS_MS[0] as number);
    },
  };
}
