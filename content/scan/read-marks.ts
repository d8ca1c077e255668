/**
 * Which owners were read since they were (re)attached to the page. Sharded (see
 * `weak-shards.ts`): one WeakSet of a big page's blocks grows in single long steps. (A mark on
 * our own wrapper of each node instead had no such step but kept every wrapper alive, and the
 * garbage collector's marking steps in our tasks grew with it.)
 */
import type { ReadRoot } from '../read/dom-rules';
import { shadowOf } from '../read/shadow';
import { ShardedWeakSet } from './weak-shards';

export class ReadMarks {
  private set = new ShardedWeakSet<ReadRoot>();

  has(owner: ReadRoot): boolean {
    return this.set.has(owner);
  }

  add(owner: ReadRoot): void {
    this.set.add(owner);
  }

  /** Forgets every owner (the page is read again from the start). */
  clear(): void {
    this.set = new ShardedWeakSet();
  }

  /** Added nodes may have been read before (moved, or re-attached): forget all they hold. */
  forget(node: Node, doc: Document): void {
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      this.set.delete(el);
      const shadow = shadowOf(el);
      if (shadow) this.forget(shadow, doc);
      if (!el.firstElementChild) return;
    } else if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
      this.set.delete(node as ShadowRoot);
    } else {
      return;
    }
    const walker = doc.createTreeWalker(node, NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      this.set.delete(n as Element);
      const sr = shadowOf(n as Element);
      if (sr) this.forget(sr, doc);
    }
  }
}
