/**
 * The mentions found on the page, per owner, and the owners to read again: those whose text
 * left the page, and those read before an entity they mention ambiguously was first seen.
 */
import type { EntityId } from '../../core/types';
import type { Found } from '../found';
import type { ReadRoot } from '../read/dom-rules';
import { reconcile } from './reconcile';

export interface FoundEvents {
  /** Mentions of an owner that left the page, or that a new reading of it no longer has. */
  onRemove(found: Found[]): void;
  /** New mentions of an owner. */
  onAdd(found: Found[]): void;
  /**
   * Mentions kept from the previous reading of an owner whose ranges were set again (the page
   * rewrote their text nodes, which collapses live ranges): to be painted again.
   */
  onMoved?(found: Found[]): void;
}

export interface FoundStore {
  /** A new reading of an owner; `undecided` holds the entities it may still gain. */
  commit(owner: ReadRoot, fresh: Found[], undecided: ReadonlySet<EntityId>): void;
  /** Forgets an owner's mentions. */
  drop(owner: ReadRoot): void;
  /** Drops owners that left; hands those whose text left (but not they) to `reread`. */
  sweep(reread: (owner: ReadRoot) => void): void;
  /** Hands to `reread` the owners read before an entity was first seen; true if any. */
  recheck(reread: (owner: ReadRoot) => void): boolean;
  all(): IterableIterator<Found[]>;
  foundIn(owner: ReadRoot): readonly Found[] | undefined;
  clear(): void;
}

/** `seen` is the page's set of entities named unambiguously; `entityCount` its largest size. */
export function createFoundStore(
  events: FoundEvents,
  seen: ReadonlySet<EntityId>,
  entityCount = Number.POSITIVE_INFINITY,
): FoundStore {
  const states = new Map<ReadRoot, Found[]>();
  /** Owners that may gain mentions once more entities are seen, with `seen.size` when read. */
  const waiting = new Map<ReadRoot, number>();
  let seenChecked = 0;

  const drop = (owner: ReadRoot) => {
    const old = states.get(owner);
    if (old) {
      states.delete(owner);
      events.onRemove(old);
    }
  };

  return {
    commit(owner, fresh, undecided) {
      // The text may have changed while a long job was sliced: ranges over data that is gone
      // collapse, and the observer has queued the owner again anyway.
      const live = fresh.filter((f) => !f.range.collapsed);
      const { found, added, moved, removed } = reconcile(states.get(owner), live);
      if (found.length) states.set(owner, found);
      else states.delete(owner);
      if (removed.length) events.onRemove(removed);
      if (added.length) events.onAdd(added);
      if (moved.length) events.onMoved?.(moved);
      if (undecided.size > 0 && seen.size < entityCount) waiting.set(owner, seen.size);
      else waiting.delete(owner);
    },
    drop,
    sweep(reread) {
      for (const [owner, list] of states) {
        // Live ranges over removed text collapse onto the removed node's parent.
        const alive =
          owner.isConnected &&
          list.every((f) => !f.range.collapsed && f.range.startContainer.isConnected);
        if (alive) continue;
        if (owner.isConnected) reread(owner);
        else drop(owner);
      }
    },
    recheck(reread) {
      if (seen.size === seenChecked) return false;
      seenChecked = seen.size;
      let any = false;
      for (const [owner, size] of waiting) {
        if (size >= seen.size) continue;
        waiting.delete(owner);
        if (owner.isConnected) {
          reread(owner);
          any = true;
        }
      }
      return any;
    },
    all: () => states.values(),
    foundIn: (owner) => states.get(owner),
    clear() {
      waiting.clear();
      for (const owner of [...states.keys()]) drop(owner);
    },
  };
}
