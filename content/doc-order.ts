/**
 * Document order of mentions, across open shadow roots, cheaply and repeatedly.
 *
 * `compareDocumentPosition` is not used: Blink answers it for two children of one parent by
 * walking the siblings between them, so sorting thousands of mentions in a page of tens of
 * thousands of paragraphs took seconds. Here each range's start gets a key, the path of child
 * indexes from the document down to it, with each parent's children indexed once. Keys and
 * indexes are kept until the DOM changes (`invalidate`), so the popup asking for a summary
 * again and again costs a pass over cached keys. A shadow tree sorts at its host, before the
 * host's light children.
 */
export interface DocOrder {
  /** Forget every key: the DOM changed. */
  invalidate(): void;
  compare(a: AbstractRange, b: AbstractRange): number;
  sort<T>(items: T[], rangeOf: (item: T) => AbstractRange): T[];
  /**
   * Computes the keys of `ranges` while `hasTime()`, a slice at a time; true once all are
   * known. Indexing the children of one parent of 60,000 paragraphs is a loop of 30-55 ms, too
   * long for one task: it is done a chunk of children per look at the clock. The keys are kept
   * until `invalidate`, so `compare` and `sort` are then cheap.
   */
  warm(ranges: readonly AbstractRange[], hasTime: () => boolean): boolean;
}

/** Children indexed between two looks at the clock. */
const CHILDREN_PER_CHECK = 1024;

export function createDocOrder(): DocOrder {
  let indexes = new Map<Node, Map<Node, number>>();
  let keys = new WeakMap<AbstractRange, number[]>();

  /** Parents whose children `warm` has begun to index: where it goes on from. */
  let partial = new Map<Node, { map: Map<Node, number>; next: Node | null }>();

  /** Indexes `parent`'s children, from where `warm` left off; false if `hasTime` ran out. */
  const indexChildren = (parent: Node, hasTime: () => boolean): boolean => {
    if (indexes.has(parent)) return true;
    const at = partial.get(parent) ?? { map: new Map<Node, number>(), next: parent.firstChild };
    let n = 0;
    for (let c = at.next; c; c = c.nextSibling) {
      if (++n % CHILDREN_PER_CHECK === 0 && !hasTime()) {
        at.next = c;
        partial.set(parent, at);
        return false;
      }
      at.map.set(c, at.map.size);
    }
    partial.delete(parent);
    indexes.set(parent, at.map);
    return true;
  };

  const indexIn = (parent: Node, child: Node): number => {
    indexChildren(parent, () => true);
    return indexes.get(parent)?.get(child) ?? -2;
  };

  const keyOf = (range: AbstractRange): number[] => {
    let key = keys.get(range);
    if (key) return key;
    key = [range.startOffset];
    let n = range.startContainer;
    for (let parent = n.parentNode; parent; parent = n.parentNode) {
      key.push(indexIn(parent, n));
      if (parent.nodeType === 11) {
        key.push(-1);
        n = (parent as ShadowRoot).host;
      } else {
        n = parent;
      }
    }
    key.reverse();
    keys.set(range, key);
    return key;
  };

  const compare = (a: AbstractRange, b: AbstractRange) => compareKeys(keyOf(a), keyOf(b));

  return {
    invalidate() {
      indexes = new Map();
      partial = new Map();
      keys = new WeakMap();
    },
    warm(ranges, hasTime) {
      for (const range of ranges) {
        if (keys.has(range)) continue;
        let n = range.startContainer;
        for (let parent = n.parentNode; parent; parent = n.parentNode) {
          if (!indexChildren(parent, hasTime)) return false;
          n = parent.nodeType === 11 ? (parent as ShadowRoot).host : parent;
        }
        keyOf(range);
        if (!hasTime()) return false;
      }
      return true;
    },
    compare,
    sort(items, rangeOf) {
      return items.sort((a, b) => compare(rangeOf(a), rangeOf(b)));
    },
  };
}

function compareKeys(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
