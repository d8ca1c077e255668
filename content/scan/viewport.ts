/**
 * The first pass over a page, and the owners of what is on screen, so that the first highlights
 * appear where the reader looks.
 */
import { isBlock, ownerOf, type ReadRoot } from '../read/dom-rules';

/** Time spent hit-testing at most: a huge page's layout is not free to ask. */
const BUDGET_MS = 6;

export function visibleOwners(root: Document): ReadRoot[] {
  const out = new Set<ReadRoot>();
  const view = root.defaultView;
  if (!view || typeof root.elementsFromPoint !== 'function') return [];
  const w = view.innerWidth;
  const h = view.innerHeight;
  // Points from the middle outwards, so that running out of time loses the edges.
  const points: [number, number][] = [];
  for (let y = 1; y < 8; y++) for (let x = 1; x < 4; x++) points.push([(w * x) / 4, (h * y) / 8]);
  points.sort((a, b) => Math.abs(a[1] - h / 2) - Math.abs(b[1] - h / 2));
  const end = performance.now() + BUDGET_MS;
  for (const [x, y] of points) {
    // The first few elements at a point are the text's own containers; deeper ones are the
    // page's wrappers, which the normal pass reaches anyway.
    for (const el of root.elementsFromPoint(x, y).slice(0, 3)) {
      const owner = ownerOf(el);
      if (owner && (owner.nodeType !== Node.ELEMENT_NODE || isBlock(owner as Element)))
        out.add(owner);
    }
    if (performance.now() > end) break;
  }
  // In document order: an ambiguous short name ("Musk") counts after the full name was read
  // (`seen`), and the full name usually comes first on the page.
  return [...out].sort((a, b) => {
    const pos = a.compareDocumentPosition(b);
    return pos & Node.DOCUMENT_POSITION_FOLLOWING
      ? -1
      : pos & Node.DOCUMENT_POSITION_PRECEDING
        ? 1
        : 0;
  });
}

/**
 * Starts reading a page: `begin` gets the owners on screen to read first (only when the page was
 * opened scrolled down: read depth first from the top, the first screen comes first anyway) and
 * the body, for the rest.
 */
export function startFirstPass(
  root: Document,
  signal: AbortSignal,
  begin: (first: readonly ReadRoot[], body: HTMLElement) => void,
): void {
  const go = (viewportFirst: boolean) => {
    const body = root.body;
    if (signal.aborted || !body) return;
    const view = root.defaultView;
    const scrolled = viewportFirst && view && view.scrollY > view.innerHeight / 2;
    begin(scrolled ? visibleOwners(root) : [], body);
  };
  const view = root.defaultView;
  if (root.visibilityState === 'hidden' || !view) {
    // Nothing is on screen: no viewport to favour, and no frame would come.
    go(false);
    return;
  }
  // Asking what is at a point needs layout; just after a frame is drawn it is up to date, so
  // our first task never pays for laying out a large page.
  const frame = view.requestAnimationFrame(() => {
    const timer = setTimeout(() => go(true), 0);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  });
  signal.addEventListener('abort', () => view.cancelAnimationFrame(frame), { once: true });
}
