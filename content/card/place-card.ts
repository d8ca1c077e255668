/**
 * Where the card goes: below its mention, or above when there is more room there, never over
 * it, inside the viewport, and never taller than the room on its side. `@floating-ui/dom` does
 * the placing (flip, shift, size) and follows scrolling and resizing; the rules it is given are
 * pure functions here, so each is a unit test.
 */
import {
  autoUpdate,
  computePosition,
  flip,
  offset,
  shift,
  size,
  type VirtualElement,
} from '@floating-ui/dom';

/** Between the mention and the card, px. */
export const GAP = 6;
/** Between the card and the viewport's edges, px. */
export const EDGE = 8;
/** The tallest a card ever is, CSS px (a page preview, not a page). */
export const MAX_HEIGHT = 480;
/** Below this the card's controls would not fit, so it is not squeezed further, px. */
export const MIN_HEIGHT = 96;

export interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The card's maximum height, given the room on its side (margins already taken off). */
export function cardMaxHeight(room: number): number {
  return Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, Math.floor(room)));
}

/**
 * The box the card is placed against: all the mention's lines from top to bottom (so a name
 * broken over two lines is never covered), and the first line's left and right (so the card
 * starts where the name starts). Null when the mention has no box (not rendered).
 */
export function referenceRect(lines: readonly Rect[]): Rect | null {
  const shown = lines.filter((r) => r.right > r.left || r.bottom > r.top);
  const first = shown[0];
  if (!first) return null;
  let top = first.top;
  let bottom = first.bottom;
  for (const r of shown) {
    top = Math.min(top, r.top);
    bottom = Math.max(bottom, r.bottom);
  }
  return { top, bottom, left: first.left, right: first.right };
}

/** Some of `rect` is inside a viewport of that size. */
export function inViewport(rect: Rect, width: number, height: number): boolean {
  return rect.bottom > 0 && rect.top < height && rect.right > 0 && rect.left < width;
}

const toDomRect = (r: Rect) =>
  ({
    x: r.left,
    y: r.top,
    top: r.top,
    left: r.left,
    bottom: r.bottom,
    right: r.right,
    width: r.right - r.left,
    height: r.bottom - r.top,
  }) as DOMRect;

export interface Follow {
  /** Place the card again now (its content changed size). */
  update(): void;
  stop(): void;
}

/**
 * Places `card` beside `anchor` and keeps it there while the page scrolls or resizes. Calls
 * `gone` (and stops) when the mention is removed, or leaves the viewport after being in it;
 * until the mention has been in view (a smooth scroll on its way to it) the card is kept
 * invisible, so it is never seen pinned alone.
 */
export function followMention(anchor: Range, card: HTMLElement, gone: () => void): Follow {
  const win = card.ownerDocument.defaultView as Window;
  let seen = false;
  let stopped = false;
  const lines = () => [...anchor.getClientRects()];
  const reference: VirtualElement = {
    getBoundingClientRect: () =>
      toDomRect(referenceRect(lines()) ?? anchor.getBoundingClientRect()),
    getClientRects: () => anchor.getClientRects(),
    contextElement: anchor.startContainer.parentElement ?? undefined,
  };

  const end = () => {
    stop();
    gone();
  };
  const update = () => {
    if (stopped) return;
    if (anchor.collapsed || !anchor.startContainer.isConnected) {
      end();
      return;
    }
    // A mention with no box (in a hidden section) counts as out of view.
    const box = referenceRect(lines());
    const root = card.ownerDocument.documentElement;
    const inView =
      box !== null && inViewport(box, root.clientWidth || win.innerWidth, win.innerHeight);
    if (seen && !inView) {
      end();
      return;
    }
    seen ||= inView;
    card.classList.toggle('waiting', !seen);
    // The natural size, under the stylesheet's own limits, before this side's limit is set.
    card.style.maxHeight = '';
    void computePosition(reference, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(GAP),
        flip({ padding: EDGE, crossAxis: false, fallbackStrategy: 'bestFit' }),
        shift({ padding: EDGE }),
        size({
          padding: EDGE,
          apply({ availableHeight, elements }) {
            elements.floating.style.maxHeight = `${cardMaxHeight(availableHeight)}px`;
          },
        }),
      ],
    }).then(({ x, y, placement }) => {
      if (stopped) return;
      card.style.left = `${x}px`;
      card.style.top = `${y}px`;
      card.dataset.side = placement.split('-')[0];
    });
  };
  let cleanup: (() => void) | null = null;
  function stop() {
    stopped = true;
    cleanup?.();
    cleanup = null;
  }
  cleanup = autoUpdate(reference, card, update);
  // The first placement, run at once, may have found the mention gone already.
  if (stopped) stop();
  return { update, stop };
}
