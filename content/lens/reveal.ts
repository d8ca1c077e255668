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

/** Where the revealed mention is: the `index`-th (from 1) of `total`, as the reader counts. */
export interface RevealPosition {
  index: number;
  total: number;
}

/** Returns `reveal(entity?)`: null when there is no mention to go to. */
export function createReveal(o: RevealOptions): (entity?: EntityId) => RevealPosition | null {
  let last: Found | null = null;
  const unflash = new OneShot(o.signal);

  return (entity) => {
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
    o.open(target);
    return { index: mentions.indexOf(target) + 1, total: mentions.length };
  };
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
