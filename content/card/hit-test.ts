/**
 * Which painted mention is under a point. With `CSS.highlights.highlightsFromPoint` where the
 * browser has it; otherwise (or when it finds nothing) the caret position under the point,
 * looked up among the mentions in that text node, and confirmed against the mention's own
 * rectangles (a caret position is also reported for points beside the text, at a line's end).
 */

import type { Found } from '../found';
import type { Painter } from '../paint/painter';

export interface MentionIndex {
  add(found: readonly Found[]): void;
  remove(found: readonly Found[]): void;
  /** The painted mention under the viewport point, if any. */
  at(x: number, y: number): Found | null;
  /** Every painted mention (unordered). */
  all(): IterableIterator<Found>;
  has(found: Found): boolean;
  readonly size: number;
}

export interface PointApi {
  highlightsFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { highlight: unknown; ranges: AbstractRange[] }[];
}

interface CaretDoc {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

/** The text nodes a range covers (the start and end containers and any in between). */
function textNodesOf(range: Range): Text[] {
  const sc = range.startContainer;
  if (sc === range.endContainer) return sc.nodeType === 3 ? [sc as Text] : [];
  const out: Text[] = [];
  const root = range.commonAncestorContainer;
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (range.intersectsNode(n)) out.push(n as Text);
  }
  return out;
}

function inRects(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

export function createMentionIndex(
  doc: Document,
  painter: Painter,
  /** The highlight registry, asked for when first needed (null: hit-test our own way). */
  registryOf: () => PointApi | null,
  shadowRoots: () => ShadowRoot[],
): MentionIndex {
  const byRange = new Map<AbstractRange, Found>();
  const byText = new Map<Text, Found[]>();
  const nodesOf = new Map<Found, Text[]>();

  const fromHighlights = (x: number, y: number): Found | null | undefined => {
    const registry = registryOf();
    const fn = registry?.highlightsFromPoint;
    if (typeof fn !== 'function') return undefined;
    const roots = shadowRoots();
    let hits: ReturnType<typeof fn>;
    try {
      hits = fn.call(registry, x, y, roots.length ? { shadowRoots: roots } : undefined);
    } catch {
      return undefined;
    }
    for (const hit of hits) {
      if (painter.entityOf(hit.highlight) === undefined) continue;
      for (const range of hit.ranges) {
        const found = byRange.get(range);
        if (found) return found;
      }
    }
    return null;
  };

  const fromCaret = (x: number, y: number): Found | null => {
    const d = doc as unknown as CaretDoc;
    let node: Node | null = null;
    let offset = 0;
    if (typeof d.caretPositionFromPoint === 'function') {
      const roots = shadowRoots();
      const pos = d.caretPositionFromPoint(x, y, roots.length ? { shadowRoots: roots } : undefined);
      node = pos?.offsetNode ?? null;
      offset = pos?.offset ?? 0;
    } else if (typeof d.caretRangeFromPoint === 'function') {
      const r = d.caretRangeFromPoint(x, y);
      node = r?.startContainer ?? null;
      offset = r?.startOffset ?? 0;
    }
    if (node?.nodeType !== 3) return null;
    for (const f of byText.get(node as Text) ?? []) {
      if (f.range.isPointInRange(node, offset) && inRects(f.range, x, y)) return f;
    }
    return null;
  };

  return {
    add(found) {
      for (const f of found) {
        byRange.set(f.range, f);
        const nodes = textNodesOf(f.range);
        nodesOf.set(f, nodes);
        for (const t of nodes) {
          const list = byText.get(t);
          if (list) list.push(f);
          else byText.set(t, [f]);
        }
      }
    },
    remove(found) {
      for (const f of found) {
        byRange.delete(f.range);
        for (const t of nodesOf.get(f) ?? []) {
          const list = byText.get(t);
          if (!list) continue;
          const i = list.indexOf(f);
          if (i >= 0) list.splice(i, 1);
          if (!list.length) byText.delete(t);
        }
        nodesOf.delete(f);
      }
    },
    at(x, y) {
      if (byRange.size === 0) return null;
      // The caret check also runs when highlightsFromPoint finds nothing: Chromium answers
      // nothing at a device scale factor of 2 (what 200% zoom gives), where the caret is right.
      return fromHighlights(x, y) ?? fromCaret(x, y);
    },
    all() {
      return byRange.values();
    },
    has(found) {
      return byRange.get(found.range) === found;
    },
    get size() {
      return byRange.size;
    },
  };
}
