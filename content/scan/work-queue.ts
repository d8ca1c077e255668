/**
 * The owners waiting to be read: an urgent queue (what changed, what is on screen) taken first,
 * and an idle stack for the rest of the page. A stack, so the rest is read depth first, in
 * document order: from the top down (where a freshly loaded page is looked at), and full names
 * before the surnames that follow them (the matcher's `seen` looks back).
 */

import type { ReadRoot } from '../read/dom-rules';
import type { NestedWalk } from '../read/walk-nested';

/** The nested owners of one owner, queued together: found one by one, in document order. */
class NestedOwners {
  constructor(readonly walk: NestedWalk) {}
}

export interface WorkQueueOptions {
  /** Whether an owner was read since it was (re)attached: then its nested walk passes it over. */
  isRead(owner: ReadRoot): boolean;
  /** A nested walk met an open shadow root. */
  onShadowRoot(root: ShadowRoot): void;
  /** A queued owner left the page before its turn. */
  onGone(owner: ReadRoot): void;
}

export interface WorkQueue {
  /** Queues an owner; `fast` puts it in the urgent queue. */
  add(owner: ReadRoot, fast: boolean): void;
  /** Queues an owner's nested owners as one entry of the idle stack. */
  addNested(walk: NestedWalk): void;
  /** The next owner to read; null when none waits, undefined when out of time to find one. */
  next(hasTime: () => boolean): ReadRoot | null | undefined;
  /** Something waits. */
  pending(): boolean;
  /** Something waits in the urgent queue. */
  urgent(): boolean;
  clear(): void;
}

export function createWorkQueue(o: WorkQueueOptions): WorkQueue {
  const urgent: ReadRoot[] = [];
  let urgentHead = 0;
  const idle: (ReadRoot | NestedOwners)[] = [];
  /**
   * Which queue each owner queued on its own is in; an owner in both is taken from the first to
   * come. (Owners found through `NestedOwners` are not here: a block of tens of thousands of
   * paragraphs would grow this map by copying it.)
   */
  const queued = new Map<ReadRoot, 'urgent' | 'idle'>();

  const hasUrgent = () => urgent.length > urgentHead;
  /** Takes from the front of the urgent queue in O(1), compacting now and then. */
  const takeUrgent = (): ReadRoot => {
    const item = urgent[urgentHead] as ReadRoot;
    urgentHead++;
    if (urgentHead === urgent.length) {
      urgent.length = 0;
      urgentHead = 0;
    } else if (urgentHead > 1024 && urgentHead * 2 > urgent.length) {
      urgent.splice(0, urgentHead);
      urgentHead = 0;
    }
    return item;
  };

  /** The next owner of a nested walk not read yet; undefined when out of time, null when done. */
  const nextNested = (top: NestedOwners, hasTime: () => boolean): ReadRoot | null | undefined => {
    let passed = 0;
    for (;;) {
      const found = top.walk.next(hasTime);
      if (found === undefined) return undefined;
      if (found === null) {
        idle.pop();
        return null;
      }
      if (found.nodeType === Node.DOCUMENT_FRAGMENT_NODE) o.onShadowRoot(found as ShadowRoot);
      // Read since it was found (on screen first, or changed), or queued on its own.
      if (!o.isRead(found) && !queued.has(found) && found.isConnected) return found;
      if (++passed % 512 === 0 && !hasTime()) return undefined;
    }
  };

  return {
    add(owner, fast) {
      const where = queued.get(owner);
      if (where === 'urgent' || (where === 'idle' && !fast)) return;
      queued.set(owner, fast ? 'urgent' : 'idle');
      (fast ? urgent : idle).push(owner);
    },
    addNested(walk) {
      idle.push(new NestedOwners(walk));
    },
    next(hasTime) {
      while (this.pending()) {
        let owner: ReadRoot;
        if (hasUrgent()) owner = takeUrgent();
        else {
          const top = idle[idle.length - 1] as ReadRoot | NestedOwners;
          if (top instanceof NestedOwners) {
            const found = nextNested(top, hasTime);
            if (found === null) continue;
            return found;
          }
          owner = idle.pop() as ReadRoot;
        }
        if (!queued.delete(owner)) continue; // already taken from the other queue
        if (!owner.isConnected) {
          o.onGone(owner);
          continue;
        }
        return owner;
      }
      return null;
    },
    pending: () => hasUrgent() || idle.length > 0,
    urgent: hasUrgent,
    clear() {
      urgent.length = 0;
      urgentHead = 0;
      idle.length = 0;
      queued.clear();
    },
  };
}
