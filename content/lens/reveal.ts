/**
 * "Next mention": scrolls to the next mention (of one entity, or any), flashes it and opens its
 * card. It goes on from the one revealed last, even if its block was read again since; the first
 * time, from what the reader is looking at.
 */
import type { EntityId } from '../../core/types';
import { type Found, sameMention } from '../found';
import { OneShot } from '../one-shot';

/** How long a revealed mention stays flashed. */
export const FLASH_MS = 1500;

export interface RevealOptions {
  win: Window;
  signal: AbortSignal;
  /** Active mentions in document order (of `entity`, if given), `extra` sorted in if it is still there. */
  ordered(entity: EntityId | undefined, extra: Found | undefined): Found[];
  /** Still one of the scanner's current mentions (not replaced by a new reading). */
  isCurrent(found: Found): boolean;
  flash(range: Range | null): void;
  open(found: Found): void;
}

/** Where a mention is: the `index`-th (from 1) of `total`, as the reader counts ("3 of 12"). */
export interface RevealPosition {
  index: number;
  total: number;
}

/** `reveal(entity?)`: null when there is no mention to go to. */
export type Reveal = ((entity?: EntityId) => RevealPosition | null) & {
  /** Scrolls to `found` and flashes it (the card stepped to it); the next reveal goes on from it. */
  bring(found: Found): void;
};

/** A mention and its place among its entity's mentions. */
export interface Step extends RevealPosition {
  found: Found;
}

/**
 * The mention `by` places from `found` in `list` (one entity's mentions in document order),
 * going round at either end; null when `found` is not among them.
 */
export function stepFrom(list: readonly Found[], found: Found, by: -1 | 0 | 1): Step | null {
  let at = list.indexOf(found);
  if (at < 0) at = list.findIndex((f) => sameMention(f, found));
  if (at < 0) return null;
  const i = (at + by + list.length) % list.length;
  return { found: list[i] as Found, index: i + 1, total: list.length };
}

export function createReveal(o: RevealOptions): Reveal {
  let last: Found | null = null;
  const unflash = new OneShot(o.signal);

  const bring = (target: Found) => {
    last = target;
    const el = target.range.startContainer.parentElement;
    const reduce = o.win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    el?.scrollIntoView({
      block: 'center',
      inline: 'nearest',
      behavior: reduce ? 'auto' : 'smooth',
    });
    o.flash(target.range);
    unflash.set(() => o.flash(null), FLASH_MS);
  };

  const reveal = (entity?: EntityId) => {
    const from = last && (!entity || last.mention.entity === entity) ? last : null;
    // The last one revealed is sorted in too (it may have been re-read since), to go on after it.
    const list = o.ordered(entity, from ?? undefined);
    const mentions = from && !o.isCurrent(from) ? list.filter((f) => f !== from) : list;
    if (!mentions.length) return null;
    let target: Found | undefined;
    if (from) {
      const at = list.indexOf(from);
      target = list.slice(at + 1).find((f) => f !== from && !sameMention(f, from));
    } else {
      target = mentions[firstInView(mentions)];
    }
    target ??= mentions[0] as Found;
    bring(target);
    o.open(target);
    return { index: mentions.indexOf(target) + 1, total: mentions.length };
  };
  return Object.assign(reveal, { bring });
}

/**
 * The first mention not above the viewport: document order is, near enough, top-to-bottom
 * order, so it is searched by halves.
 */
function firstInView(mentions: readonly Found[]): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid] as Found).range.getBoundingClientRect().bottom >= 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
