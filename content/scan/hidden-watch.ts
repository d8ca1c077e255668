/**
 * Owners whose mentions were left out as not drawn (`read/shown.ts`), read again once one of
 * those elements is drawn near the viewport: a tab switched, an accordion opened, a "read more"
 * expanded. The page's observer sees no such change (a class or a style rule), but an
 * IntersectionObserver does: an element that is not rendered never intersects.
 */
import type { ReadRoot } from '../read/dom-rules';
import { isShown } from '../read/shown';

export interface HiddenWatch {
  /** Watches `elements`, hidden text of `owner`'s. */
  watch(owner: ReadRoot, elements: readonly Element[]): void;
}

/** Within a screen of the viewport: found before the reader scrolls to it. */
const MARGIN = '100% 0px';

export function createHiddenWatch(
  signal: AbortSignal,
  reread: (owner: ReadRoot) => void,
): HiddenWatch {
  const owners = new WeakMap<Element, ReadRoot>();
  let io: IntersectionObserver | null = null;
  const observer = () => {
    if (io || typeof IntersectionObserver !== 'function') return io;
    io = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting || !isShown(entry.target)) continue;
          const owner = owners.get(entry.target);
          io?.unobserve(entry.target);
          owners.delete(entry.target);
          if (owner) reread(owner);
        }
      },
      { rootMargin: MARGIN },
    );
    return io;
  };
  signal.addEventListener('abort', () => io?.disconnect(), { once: true });
  return {
    watch(owner, elements) {
      if (signal.aborted) return;
      const o = observer();
      if (!o) return;
      for (const el of elements) {
        if (owners.get(el) === owner) continue;
        owners.set(el, owner);
        o.observe(el);
      }
    },
  };
}
