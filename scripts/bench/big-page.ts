/**
 * The big page, loaded four ways in the same round: as is (no extension), with the extension,
 * with the floor and with mark.js (the last two in the browser without the extension); and,
 * traced, with the floor's code as a content script (`floor-content`, a reference extension).
 */
import type { CDPSession, Page } from 'playwright-core';
import { type BenchBrowser, freshPage, median, sleep } from './browser.ts';
import { type ProbeState, viewportTimes } from './probe.ts';
import {
  mainThreadTasks,
  marks,
  startTrace,
  summarize,
  type TaskSummary,
  type TraceEvent,
} from './trace.ts';

export type Variant = 'plain' | 'extension' | 'floor' | 'markjs' | 'floor-content';

export interface LoadResult {
  variant: Variant;
  dcl: number;
  load: number;
  /** Navigation start → the frame that painted the last highlight (or the reference's frame). */
  lastPaint: number | null;
  firstPaint: number | null;
  firstViewport: number | null;
  lastViewport: number | null;
  viewportRanges: number;
  viewportBlocks: number;
  /** When the reference started its work (DOMContentLoaded + a task). */
  refStart: number | null;
  ranges: number;
  /** Range objects painted in all (ranges replaced while the page was read count again). */
  rangeObjects: number;
  /** [time, total ranges] at each frame where the count changed. */
  changes: [number, number][];
  longest: number;
  tbt: number;
  /** V8 heap of the tab's renderer after a forced GC, bytes: used, and Blink's (embedder) share. */
  heapUsed: number;
  embedderUsed: number;
  /** With a trace: the main-thread accounting, and when our first and last tasks started
   * (ms from navigation). */
  trace?: TaskSummary & { oursFrom: number; oursTo: number; contentFrom: number };
}

/** How long the highlight count must stay unchanged before we call the page done. */
const QUIET_MS = 1500;
const GIVE_UP_MS = 60_000;

const readState = (page: Page) =>
  page.evaluate(() => {
    const { seen: _, ...s } = (window as unknown as { __bench: ProbeState & { seen: unknown } })
      .__bench;
    return { ...s, now: performance.now() };
  });

async function heap(cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const h = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    embedderHeapUsedSize?: number;
  };
  return { heapUsed: h.usedSize, embedderUsed: h.embedderHeapUsedSize ?? Number.NaN };
}

function accounting(events: TraceEvent[]) {
  const { tasks, thread } = mainThreadTasks(events);
  const s = summarize(tasks);
  const nav = marks(thread, events, 'navigationStart').at(-1) ?? Number.NaN;
  return {
    ...s,
    oursFrom: s.firstOurs - nav,
    oursTo: s.lastOurs - nav,
    contentFrom: s.contentStart - nav,
  };
}

/** Loads `url` in a fresh tab with the probe (and reference) installed, and waits for the end. */
export async function loadBig(
  b: BenchBrowser,
  variant: Variant,
  url: string,
  probe: string,
  traced = false,
): Promise<LoadResult> {
  const page = await freshPage(b, probe);
  const cdp = await b.context.newCDPSession(page);
  const stopTrace = traced ? await startTrace(cdp) : null;
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const started = Date.now();
  let s = await readState(page);
  for (;;) {
    await sleep(200);
    s = await readState(page);
    const waited = Date.now() - started;
    if (waited > GIVE_UP_MS) break;
    if (variant === 'plain' && waited > QUIET_MS) break;
    if ((variant === 'floor' || variant === 'markjs') && s.refDone !== null) break;
    // Content scripts: done when their highlights have stopped changing.
    if (variant === 'extension' || variant === 'floor-content') {
      const last = s.changes.at(-1)?.[0];
      if (last !== undefined && s.now - last > QUIET_MS) break;
      // No highlight at all: give the content script a while before calling it absent.
      if (last === undefined && waited > 15_000) break;
    }
  }
  await sleep(300);
  s = await readState(page);
  const events = stopTrace ? await stopTrace() : null;
  const vp = await page.evaluate(viewportTimes);
  const h = await heap(cdp);
  await cdp.detach();
  await page.close();
  const reference = variant === 'floor' || variant === 'markjs';
  const longtasks = s.longtasks;
  return {
    variant,
    dcl: s.dcl ?? Number.NaN,
    load: s.load ?? Number.NaN,
    lastPaint: reference ? s.refDone : (s.changes.at(-1)?.[0] ?? null),
    firstPaint: reference ? s.refDone : s.first,
    ...vp,
    refStart: s.refStart,
    ranges: variant === 'markjs' ? (s.refCount ?? 0) : s.count,
    rangeObjects: s.rangeObjects,
    changes: s.changes,
    longest: Math.max(0, ...longtasks.map((t) => t[1])),
    tbt: longtasks.reduce((sum, t) => sum + Math.max(0, t[1] - 50), 0),
    ...h,
    ...(events ? { trace: accounting(events) } : {}),
  };
}

/** One traced load with the extension, for the tasks that ran our code. */
export async function traceBig(
  b: BenchBrowser,
  url: string,
  probe: string,
  variant: Variant = 'extension',
): Promise<LoadResult['trace']> {
  return (await loadBig(b, variant, url, probe, true)).trace;
}

/**
 * What adopting a style sheet costs on the big page once it is laid out (no extension): the
 * style and layout pass it forces, for a sheet with one `::highlight()` rule (as the painter
 * adopts) and for a sheet whose one rule matches nothing. Median of `rounds` fresh tabs each.
 */
export async function sheetCost(
  b: BenchBrowser,
  url: string,
  rounds: number,
): Promise<{ highlightRule: number; rootRule: number; plainRule: number }> {
  const times = {
    highlightRule: [] as number[],
    rootRule: [] as number[],
    plainRule: [] as number[],
  };
  const rules = {
    highlightRule: '::highlight(rivalry-openai) { background-color: #ffe066; }',
    rootRule: ':root::highlight(rivalry-openai) { background-color: #ffe066; }',
    plainRule: '.bench-nothing { color: red; }',
  };
  for (let r = 0; r < rounds; r++) {
    for (const kind of ['highlightRule', 'rootRule', 'plainRule'] as const) {
      const page = await freshPage(b);
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      await sleep(1000);
      const t = await page.evaluate((rule) => {
        void document.body.offsetTop;
        const t0 = performance.now();
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(rule);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        void document.body.offsetTop;
        return performance.now() - t0;
      }, rules[kind]);
      times[kind].push(t);
      await page.close();
    }
  }
  return {
    highlightRule: median(times.highlightRule),
    rootRule: median(times.rootRule),
    plainRule: median(times.plainRule),
  };
}
