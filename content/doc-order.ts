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
}

export function createDocOrder(): DocOrder {
  let indexes = new Map<Node, Map<Node, number>>();
  let keys = new WeakMap<AbstractRange, number[]>();

  const indexIn = (parent: Node, child: Node): number => {
    let map = indexes.get(parent);
    if (!map) {
      map = new Map();
      let i = 0;
      for (let c = parent.firstChild; c; c = c.nextSibling) map.set(c, i++);
      indexes.set(parent, map);
    }
    return map.get(child) ?? -2;
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
      keys = new WeakMap();
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
