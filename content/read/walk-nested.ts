import { NODES_PER_CLOCK_CHECK } from '../budgets';
import { kindOf, type ReadRoot } from './dom-rules';
import { shadowOf } from './shadow';

export interface NestedWalk {
  /** The next nested owner; null after the last; undefined when `hasTime()` ran out first. */
  next(hasTime: () => boolean): ReadRoot | null | undefined;
}

/**
 * Finds the owners nested in `owner` (`count` of them, as the collector counted, then the
 * owner's own shadow root) in the order the collector passed them, a few at a time, without
 * holding a list of them: a list of the hundreds of thousands of blocks of one owner keeps a
 * wrapper of ours alive for each, and the browser's table of our world's wrappers then grows in
 * single long steps (see `DEFAULT_LIMIT_NODES`).
 */
export function walkNested(owner: ReadRoot, count: number): NestedWalk {
  /** The next node to look at. */
  let node: Node | null = count > 0 ? owner.firstChild : null;
  let left = count;
  let ownShadow = owner.nodeType === 1;
  /** The node after `from`'s subtree in pre-order, never leaving the owner. */
  const past = (from: Node): Node | null => {
    let n: Node | null = from;
    while (n && n !== owner) {
      const sibling = n.nextSibling;
      if (sibling) return sibling;
      n = n.parentNode;
    }
    return null;
  };
  return {
    next(hasTime) {
      // The page may have taken the node to go on from out of the owner: start again, to the
      // end this time (the scanner passes over owners read since).
      if (node && !owner.contains(node)) {
        node = owner.firstChild;
        left = Number.POSITIVE_INFINITY;
      }
      let n = 0;
      while (node && left > 0) {
        if (++n === NODES_PER_CLOCK_CHECK) {
          n = 0;
          if (!hasTime()) return undefined;
        }
        const at: Node = node;
        node = past(at);
        if (at.nodeType !== 1) continue;
        const el = at as Element;
        const kind = kindOf(el);
        if (kind === 'block') {
          left--;
          return el;
        }
        if (kind !== 'inline') continue;
        // Its light children are the owner's, after its shadow root.
        if (el.firstChild) node = el.firstChild;
        const shadow = shadowOf(el);
        if (shadow) {
          left--;
          return shadow;
        }
      }
      if (ownShadow) {
        ownShadow = false;
        const shadow = shadowOf(owner as Element);
        if (shadow) return shadow;
      }
      return null;
    },
  };
}
