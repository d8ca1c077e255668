/**
 * When to open and close the card.
 *
 * Pointer moves are only recorded; a hit test runs at most once per animation frame. A card
 * opens after the pointer has rested on a mention for the dwell time (a pointer passing by
 * opens nothing), stays open while the pointer is on the mention or on the card, closes a
 * little after the pointer has left both, and closes at once on Escape or a click elsewhere.
 */
import type { Found } from '../found';
import { OneShot } from '../one-shot';

/** How long after the pointer leaves both mention and card the card closes. */
export const CLOSE_DELAY_MS = 300;

export interface HoverOptions {
  win: Window;
  signal: AbortSignal;
  hitTest(x: number, y: number): Found | null;
  /** The event happened inside our UI. */
  inCard(event: Event): boolean;
  dwellMs(): number;
  /** Which mention the card shows now, or null when it is closed. */
  current(): Found | null;
  open(found: Found): void;
  /** The pointer came onto a mention and its dwell began: time to fetch what its card needs. */
  approach?(found: Found): void;
  /** Close the card: the pointer `left` it and its mention, or the reader dismissed it. */
  close(why: 'left' | 'dismissed'): void;
  /** Same mention, even if the scanner has re-read its block since. */
  same(a: Found, b: Found): boolean;
}

export interface Hover {
  /**
   * Pointer movement elsewhere does not close the card (opened from the keyboard, moved to
   * another mention, or showing its undo state); Escape and a click elsewhere still do.
   */
  hold(): void;
}

export function createHover(o: HoverOptions): Hover {
  const { win, signal } = o;
  let x = 0;
  let y = 0;
  /** A pointer has moved over the page and not left it: only then is there a point to test. */
  let pointerIn = false;
  let overCard = false;
  let frame: number | null = null;
  let candidate: Found | null = null;
  const dwell = new OneShot(signal);
  const closing = new OneShot(signal);
  /** Closed by Escape or a click while on it: not reopened until the pointer leaves it. */
  let suppressed: Found | null = null;
  let sticky = false;

  const cancelDwell = () => dwell.cancel();
  const cancelClose = () => closing.cancel();
  const closeNow = (why: 'left' | 'dismissed' = 'dismissed') => {
    cancelClose();
    cancelDwell();
    candidate = null;
    sticky = false;
    o.close(why);
  };
  const scheduleClose = () => {
    if (closing.pending || sticky || !o.current()) return;
    closing.set(() => closeNow('left'), CLOSE_DELAY_MS);
  };

  const check = () => {
    frame = null;
    if (overCard) {
      cancelClose();
      cancelDwell();
      candidate = null;
      sticky = false;
      return;
    }
    let hit = o.hitTest(x, y);
    if (hit && suppressed && o.same(hit, suppressed)) hit = null;
    else suppressed = null;
    const current = o.current();
    if (hit && current && o.same(hit, current)) {
      cancelClose();
      cancelDwell();
      candidate = null;
      return;
    }
    if (hit) {
      if (!candidate || !o.same(hit, candidate)) {
        candidate = hit;
        o.approach?.(hit);
        dwell.set(() => {
          const c = candidate;
          candidate = null;
          if (!c) return;
          cancelClose();
          sticky = false;
          o.open(c);
        }, o.dwellMs());
      }
    } else {
      candidate = null;
      cancelDwell();
    }
    scheduleClose();
  };

  const request = () => {
    frame ??= win.requestAnimationFrame(check);
  };

  const listen = { capture: true, passive: true, signal };
  win.addEventListener(
    'pointermove',
    (e) => {
      if (e.pointerType === 'touch') return;
      x = e.clientX;
      y = e.clientY;
      pointerIn = true;
      overCard = o.inCard(e);
      request();
    },
    listen,
  );
  // The page scrolled under a still pointer. (Pages that scroll themselves, such as
  // infinite feeds, with no pointer over them cost no hit test.)
  win.addEventListener(
    'scroll',
    () => {
      if (pointerIn) request();
    },
    listen,
  );
  win.document.addEventListener(
    'pointerout',
    (e) => {
      if (e.relatedTarget !== null) return;
      // Left the window.
      pointerIn = false;
      overCard = false;
      x = -1;
      y = -1;
      candidate = null;
      cancelDwell();
      scheduleClose();
    },
    listen,
  );
  win.addEventListener(
    'pointerdown',
    (e) => {
      const current = o.current();
      if (!current || o.inCard(e)) return;
      suppressed = current;
      closeNow();
    },
    listen,
  );
  win.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Escape') return;
      const current = o.current();
      if (!current) {
        cancelDwell();
        candidate = null;
        return;
      }
      suppressed = current;
      closeNow();
    },
    { capture: true, signal },
  );
  signal.addEventListener(
    'abort',
    () => {
      if (frame !== null) win.cancelAnimationFrame(frame);
    },
    { once: true },
  );

  return {
    hold() {
      cancelClose();
      cancelDwell();
      candidate = null;
      sticky = true;
    },
  };
}
