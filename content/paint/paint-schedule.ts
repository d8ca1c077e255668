/**
 * When found mentions are painted. New mentions are painted in batches: each change to the
 * highlight registry makes the browser rebuild its markers for every range of every highlight
 * at the next frame, so adding a few at a time on a page with thousands of mentions costs time
 * quadratic in their number. The wait grows with the number painted: nothing on ordinary pages,
 * at most a quarter of a second on huge ones. While the page is first read, what follows the first
 * batch (the viewport's) waits for the end of the reading, or the longest wait: on a big page each
 * rebuild is a long style pass of the whole page, which would take most of every frame from the
 * reading and from the reader.
 *
 * Beyond PAINT_ALL_LIMIT mentions even one rebuild is a long frame, so only the mentions of
 * blocks near the viewport (an IntersectionObserver with a margin of a screen and a half) are
 * painted; the rest are still found, counted and revealed.
 */
import { PAINT_ALL_LIMIT } from '../budgets';
import type { Found } from '../found';
import type { ReadRoot } from '../read/dom-rules';
import type { Painter } from './painter';

/** What the schedule paints into: the painter itself and the index that hit-tests the painted. */
/** The wait before painting grows by a millisecond per this many mentions painted… */
export const MENTIONS_PER_MS = 20;
/** …up to this. */
export const MAX_WAIT_MS = 250;

export interface PaintTarget {
  add(found: readonly Found[]): void;
  remove(found: readonly Found[]): void;
}

export interface PaintScheduleOptions {
  painter: Painter;
  /** Gets what is painted, beside the painter (the hit-test index). */
  index: PaintTarget & { readonly size: number };
  /** Whether a mention is to be shown (not hidden, not dismissed). */
  active(found: Found): boolean;
  /** The mentions found per owner (for painting near the viewport only). */
  foundIn(owner: ReadRoot): readonly Found[] | undefined;
  all(): Iterable<readonly Found[]>;
  /** The page is being read for the first time: what waits, waits for `now` at its end. */
  reading(): boolean;
  /** The fallback's marks were wrapped or unwrapped: text nodes were split or joined. */
  marksChanged(): void;
  /** Something was painted (the hover starts listening then). */
  painted(): void;
  signal: AbortSignal;
}

export interface PaintSchedule {
  /** Mentions found: painted soon (those active and near enough). */
  added(found: Found[]): void;
  /** Mentions gone: unpainted now. */
  removed(found: readonly Found[]): void;
  /** Mentions whose ranges were set again: painted again so the browser redraws them. */
  moved(found: Found[]): void;
  /**
   * Paints what waits now: in a frame's callbacks, so it shows in that frame, or when the
   * reading is done.
   */
  now(): void;
  /** Mentions that became active (a setting changed): painted soon. */
  show(found: readonly Found[]): void;
  /** Mentions that stopped being active: unpainted now. */
  hide(found: readonly Found[]): void;
  /** Painted or waiting to be. */
  shows(found: Found): boolean;
}

const elementOf = (owner: ReadRoot): Element =>
  owner.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? (owner as ShadowRoot).host : (owner as Element);

export function createPaintSchedule(o: PaintScheduleOptions): PaintSchedule {
  const { painter, index } = o;
  const painted = new WeakSet<Found>();
  const pending = new Set<Found>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let foundCount = 0;
  let nearby: IntersectionObserver | null = null;
  const near = new WeakSet<Element>();
  const isNear = (f: Found) => nearby === null || near.has(elementOf(f.owner));

  const apply = (list: readonly Found[], add: boolean) => {
    // Wrapping and unwrapping split and join text nodes: the keys of document order change.
    if (painter.mode === 'mark') o.marksChanged();
    if (add) {
      painter.add(list);
      index.add(list);
      for (const f of list) painted.add(f);
    } else {
      painter.remove(list);
      index.remove(list);
      for (const f of list) painted.delete(f);
    }
  };
  const flush = () => {
    timer = null;
    const list: Found[] = [];
    for (const f of pending) if (o.active(f) && isNear(f) && !f.range.collapsed) list.push(f);
    pending.clear();
    if (!list.length) return;
    apply(list, true);
    o.painted();
  };
  const paint = (list: readonly Found[]) => {
    if (!list.length) return;
    for (const f of list) pending.add(f);
    if (timer === null) {
      const wait =
        painter.mode === 'mark' || index.size === 0
          ? 0
          : o.reading()
            ? MAX_WAIT_MS
            : Math.min(MAX_WAIT_MS, Math.floor(index.size / MENTIONS_PER_MS));
      timer = setTimeout(flush, wait);
    }
  };
  const unpaint = (list: readonly Found[]) => {
    const drop: Found[] = [];
    for (const f of list) {
      if (pending.delete(f)) continue;
      if (painted.has(f)) drop.push(f);
    }
    if (drop.length) apply(drop, false);
  };

  /** Switches to painting only near the viewport (never back: the page stays huge). */
  const paintNearbyOnly = () => {
    if (nearby || typeof IntersectionObserver !== 'function') return;
    nearby = new IntersectionObserver(
      (entries) => {
        const add: Found[] = [];
        const remove: Found[] = [];
        for (const e of entries) {
          const el = e.target;
          if (e.isIntersecting) near.add(el);
          else near.delete(el);
          for (const owner of [el, el.shadowRoot]) {
            for (const f of (owner && o.foundIn(owner)) ?? []) {
              if (e.isIntersecting && !painted.has(f) && o.active(f)) add.push(f);
              else if (!e.isIntersecting) remove.push(f);
            }
          }
        }
        unpaint(remove);
        paint(add);
      },
      { rootMargin: '150% 0px' },
    );
    for (const list of o.all()) {
      const f = list[0];
      if (f) nearby.observe(elementOf(f.owner));
    }
  };
  o.signal.addEventListener(
    'abort',
    () => {
      nearby?.disconnect();
      if (timer !== null) clearTimeout(timer);
    },
    { once: true },
  );

  return {
    added(list) {
      foundCount += list.length;
      // (Only for highlights: the fallback's marks cost nothing per frame once wrapped.)
      if (foundCount > PAINT_ALL_LIMIT && painter.mode === 'highlight') paintNearbyOnly();
      const owner = list[0]?.owner;
      if (nearby && owner) nearby.observe(elementOf(owner));
      paint(list.filter(o.active));
    },
    removed(list) {
      foundCount -= list.length;
      unpaint(list);
      const owner = list[0]?.owner;
      if (nearby && owner && !owner.isConnected) nearby.unobserve(elementOf(owner));
    },
    moved(list) {
      const again = list.filter((f) => painted.has(f));
      // Those that were collapsed when their turn to be painted came were left out then.
      paint(list.filter((f) => !painted.has(f) && o.active(f)));
      if (!again.length) return;
      apply(again, false);
      apply(again, true);
    },
    now() {
      if (timer === null) return;
      clearTimeout(timer);
      flush();
    },
    show: paint,
    hide: unpaint,
    shows: (f) => painted.has(f) || pending.has(f),
  };
}
