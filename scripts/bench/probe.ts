/**
 * Code the benchmark runs in the page's main world, installed with `addInitScript` so it is
 * there before the page's first byte is parsed:
 *
 * - a `longtask` PerformanceObserver (the content script's isolated world shares the page's
 *   main thread, so long tasks include ours);
 * - a requestAnimationFrame loop that samples the total number of ranges in `rivalry-*` (and
 *   the floor's `bench-*`) highlights, which the page sees because the highlight registry is
 *   shared between worlds. A count seen in a frame callback is painted in that frame, so the
 *   timestamp of the last change is "the last highlight painted". It also notes when each range
 *   was first seen, to tell at the end whether those in the first viewport came first;
 * - the two references, run at DOMContentLoaded in the browser without the extension: the floor
 *   (TreeWalker, one regex, a Range per match, one `Highlight`) and mark.js on the same regex.
 */

export interface ProbeState {
  longtasks: [number, number][];
  changes: [number, number][];
  count: number;
  /** Range objects seen in all (more than `count` when ranges were replaced). */
  rangeObjects: number;
  first: number | null;
  dcl: number | null;
  load: number | null;
  /** References: when their work started, and the frame after it finished. */
  refStart: number | null;
  refDone: number | null;
  refCount: number | null;
}

/** The probe; `reference` is null, or the source that runs a reference at DOMContentLoaded. */
export function probeScript(reference: string | null): string {
  return `(() => {
  const S = window.__bench = { longtasks: [], changes: [], count: 0, first: null, dcl: null,
    load: null, refStart: null, refDone: null, refCount: null };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) S.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const ours = (name) => name.startsWith('rivalry-') || name.startsWith('bench-');
  // When each mention (text node and offset) was first painted; which of them lie in the first
  // viewport is worked out at the end (viewportTimes), so the probe never forces a style or
  // layout pass while we measure. A mention whose Range is replaced keeps its first time.
  const ranges = new WeakSet();
  const seen = new Map();
  S.seen = seen;
  S.rangeObjects = 0;
  const frame = () => {
    let n = 0;
    for (const [name, hl] of CSS.highlights) if (ours(name)) n += hl.size;
    if (n !== S.count) {
      const now = performance.now();
      S.count = n;
      S.changes.push([now, n]);
      if (S.first === null) S.first = now;
      for (const [name, hl] of CSS.highlights) {
        if (!ours(name)) continue;
        for (const r of hl) {
          if (ranges.has(r)) continue;
          ranges.add(r);
          S.rangeObjects++;
          let at = seen.get(r.startContainer);
          if (!at) seen.set(r.startContainer, (at = new Map()));
          if (!at.has(r.startOffset)) at.set(r.startOffset, now);
        }
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  addEventListener('DOMContentLoaded', () => { S.dcl = performance.now(); }, { once: true });
  addEventListener('load', () => { S.load = performance.now(); }, { once: true });
  ${reference ?? ''}
})();`;
}

/**
 * Run at the end, page still scrolled to the top: the first and last time a range in the first
 * viewport was painted, how many there were, and how many blocks the viewport showed.
 */
export function viewportTimes(): {
  firstViewport: number | null;
  lastViewport: number | null;
  viewportRanges: number;
  viewportBlocks: number;
} {
  const BLOCKS = 'p,h1,h2,h3,li,blockquote';
  const blocks = new Set<Element>();
  for (const el of document.querySelectorAll(BLOCKS)) {
    const r = el.getBoundingClientRect();
    if (r.top >= innerHeight) break;
    if (r.bottom > 0) blocks.add(el);
  }
  const seen = (window as unknown as { __bench: { seen: Map<Node, Map<number, number>> } }).__bench
    .seen;
  let first: number | null = null;
  let last: number | null = null;
  let n = 0;
  for (const [node, at] of seen) {
    const el = (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest(BLOCKS);
    if (!el || !blocks.has(el)) continue;
    for (const t of at.values()) {
      n++;
      first = first === null ? t : Math.min(first, t);
      last = last === null ? t : Math.max(last, t);
    }
  }
  return {
    firstViewport: first,
    lastViewport: last,
    viewportRanges: n,
    viewportBlocks: blocks.size,
  };
}

/**
 * The floor's reading, as source: every text node of the body, one regex, a Range per match,
 * into `ranges`. Run in the page (`floorReference`) and as a content script
 * (`reference-extensions.ts`), so both are the same code.
 */
export function floorRanges(regex: RegExp): string {
  return `const re = new RegExp(${JSON.stringify(regex.source)}, ${JSON.stringify(regex.flags)});
    const ranges = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const range = new Range();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        ranges.push(range);
      }
    }`;
}

/** The floor: every text node, one regex, a Range per match, one Highlight. */
export function floorReference(regex: RegExp): string {
  return `addEventListener('DOMContentLoaded', () => setTimeout(() => {
    S.refStart = performance.now();
    ${floorRanges(regex)}
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('::highlight(bench-floor) { background-color: #ffe066; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    CSS.highlights.set('bench-floor', new Highlight(...ranges));
    S.refCount = ranges.length;
    requestAnimationFrame(() => { S.refDone = performance.now(); });
  }), { once: true });`;
}

/** mark.js (its browser build, `source`) marking the same regex. */
export function markJsReference(source: string, regex: RegExp): string {
  return `${source}
  ;addEventListener('DOMContentLoaded', () => setTimeout(() => {
    S.refStart = performance.now();
    const re = new RegExp(${JSON.stringify(regex.source)}, ${JSON.stringify(regex.flags)});
    new Mark(document.body).markRegExp(re, {
      done(n) {
        S.refCount = n;
        requestAnimationFrame(() => { S.refDone = performance.now(); });
      },
    });
  }), { once: true });`;
}
