import type { Found } from '../found';

/**
 * Keeps the mentions of a block's previous reading that a new reading finds again over the same
 * text nodes: the same objects, and the same live Range objects (set to the new boundaries where
 * they moved). A page that re-renders a block, or rewrites the text we highlighted, then sees no
 * new ranges and no churn in the highlight registry, so nothing of ours feeds its loop.
 */
export function reconcile(
  previous: readonly Found[] | undefined,
  fresh: Found[],
): { found: Found[]; added: Found[]; moved: Found[]; removed: Found[] } {
  if (!previous?.length) return { found: fresh, added: fresh, moved: [], removed: [] };
  // Per text node, the previous mentions in order, and how many of them were looked at.
  const byNode = new Map<Node, { list: Found[]; head: number }>();
  for (const f of previous) {
    const at = byNode.get(f.range.startContainer);
    if (at) at.list.push(f);
    else byNode.set(f.range.startContainer, { list: [f], head: 0 });
  }
  const found: Found[] = [];
  const added: Found[] = [];
  const moved: Found[] = [];
  const removed: Found[] = [];
  for (const f of fresh) {
    const r = f.range;
    const at = byNode.get(r.startContainer);
    let old: Found | undefined;
    if (at) {
      // Both readings are in order: look a few ahead only, so a text node with thousands of
      // mentions costs linear time.
      const end = Math.min(at.list.length, at.head + 8);
      for (let i = at.head; i < end; i++) {
        const o = at.list[i] as Found;
        if (
          o.mention.entity === f.mention.entity &&
          o.mention.text === f.mention.text &&
          o.range.endContainer === r.endContainer
        ) {
          for (let k = at.head; k < i; k++) removed.push(at.list[k] as Found);
          at.head = i + 1;
          old = o;
          break;
        }
      }
    }
    if (!old) {
      found.push(f);
      added.push(f);
      continue;
    }
    const o = old.range;
    if (o.startOffset !== r.startOffset || o.endOffset !== r.endOffset) {
      o.setStart(r.startContainer, r.startOffset);
      o.setEnd(r.endContainer, r.endOffset);
      moved.push(old);
    }
    old.mention = f.mention;
    old.run = f.run;
    found.push(old);
  }
  for (const { list, head } of byNode.values()) {
    for (let k = head; k < list.length; k++) removed.push(list[k] as Found);
  }
  return { found, added, moved, removed };
}
