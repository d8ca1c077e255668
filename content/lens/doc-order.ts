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
   * known. Indexing the children of one parent of tens of thousands of paragraphs is too long
   * for one task, so it is done a chunk of children per look at the clock. The keys are kept
   * until `invalidate`, so `compare` and `sort` are then cheap.
   */
  warm(ranges: readonly AbstractRange[], hasTime: () => boolean): boolean;
}

/** Children indexed between two looks at the clock. */
const CHILDREN_PER_CHECK = 1024;

/** The index of a parent's children, complete once `next` is null. */
interface ChildIndex {
  map: Map<Node, number>;
  /** The child to go on from, when indexing stopped for time. */
  next: Node | null;
}

const ALWAYS = () => true;

export function createDocOrder(): DocOrder {
  let indexes = new Map<Node, ChildIndex>();
  let keys = new WeakMap<AbstractRange, number[]>();

  /** `child`'s index in `parent`, indexing its children on from where it stopped; undefined
   * if `hasTime` ran out first. */
  const indexIn = (parent: Node, child: Node, hasTime: () => boolean): number | undefined => {
    let at = indexes.get(parent);
    if (!at) {
      at = { map: new Map(), next: parent.firstChild };
      indexes.set(parent, at);
    }
    let n = 0;
    for (let c = at.next; c; c = c.nextSibling) {
      if (++n % CHILDREN_PER_CHECK === 0 && !hasTime()) {
        at.next = c;
        return undefined;
      }
      at.map.set(c, at.map.size);
    }
    at.next = null;
    return at.map.get(child) ?? -2;
  };

  /** The path of child indexes from the document down to `range`'s start (null: out of time). */
  const keyOf = (range: AbstractRange, hasTime = ALWAYS): number[] | null => {
    let key = keys.get(range);
    if (key) return key;
    key = [range.startOffset];
    let n = range.startContainer;
    for (let parent = n.parentNode; parent; parent = n.parentNode) {
      const index = indexIn(parent, n, hasTime);
      if (index === undefined) return null;
      key.push(index);
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

  const compare = (a: AbstractRange, b: AbstractRange) =>
    compareKeys(keyOf(a) as number[], keyOf(b) as number[]);

  return {
    invalidate() {
      indexes = new Map();
      keys = new WeakMap();
    },
    warm(ranges, hasTime) {
      for (const range of ranges) if (!keyOf(range, hasTime) || !hasTime()) return false;
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
