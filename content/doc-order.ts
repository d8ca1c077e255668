/**
 * Sorting mentions into document order, across open shadow roots, in O(n log n).
 *
 * `compareDocumentPosition` is not used: Blink answers it for two children of one parent by
 * walking the siblings between them, so sorting thousands of mentions in a page of tens of
 * thousands of paragraphs took seconds. Here each node gets a key, the path of child indexes
 * from the document down to it, with each parent's children indexed once per sort.
 * A shadow tree sorts at its host, before the host's light children.
 */
export function sortInDocumentOrder<T>(
  items: readonly T[],
  rangeOf: (item: T) => AbstractRange,
): T[] {
  const indexes = new Map<Node, Map<Node, number>>();
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
  const keyOf = (node: Node, offset: number): number[] => {
    const key = [offset];
    let n = node;
    for (let parent = n.parentNode; parent; parent = n.parentNode) {
      key.push(indexIn(parent, n));
      if (parent.nodeType === 11) {
        key.push(-1);
        n = (parent as ShadowRoot).host;
      } else {
        n = parent;
      }
    }
    return key.reverse();
  };
  const keyed = items.map((item) => {
    const r = rangeOf(item);
    return { item, key: keyOf(r.startContainer, r.startOffset) };
  });
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  return keyed.map((k) => k.item);
}

function compareKeys(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
