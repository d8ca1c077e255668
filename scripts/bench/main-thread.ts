/**
 * Scenarios measured as main-thread time from a trace, each run once with the extension and
 * once without it: the article with no mention, the infinite-scroll feed, and hovering.
 */
import type { Page } from 'playwright-core';
import { type BenchBrowser, freshPage, sleep, VIEWPORT } from './browser.ts';
import type { ProbeState } from './probe.ts';
import { mainThreadTasks, marks, startTrace, summarize, type TaskSummary } from './trace.ts';

/** Waits until the number of highlighted ranges has not changed for `quietMs`. */
export async function settle(page: Page, quietMs: number, giveUpMs = 20_000) {
  const start = Date.now();
  let last = -1;
  let since = Date.now();
  while (Date.now() - start < giveUpMs) {
    const n = await page.evaluate(
      () => (window as unknown as { __bench: ProbeState }).__bench.count,
    );
    if (n !== last) {
      last = n;
      since = Date.now();
    } else if (Date.now() - since > quietMs) return n;
    await sleep(100);
  }
  return last;
}

/**
 * The article: navigate from a blank page of the same origin (where the content script has
 * already started and settled) to the article, and trace until 2.5 s after `load` (long enough
 * for idle slices, which wait at most 250 ms). With `blankUrl` null, the article is opened
 * straight from a new tab instead: a new renderer process, where the content script is
 * compiled cold (from the blank page, the process's V8 already holds it compiled).
 */
export async function articleRun(
  b: BenchBrowser,
  blankUrl: string | null,
  url: string,
  probe: string,
): Promise<TaskSummary> {
  const page = await freshPage(b, probe);
  if (blankUrl !== null) {
    await page.goto(blankUrl, { waitUntil: 'load' });
    await sleep(1500);
  }
  const cdp = await b.context.newCDPSession(page);
  const stop = await startTrace(cdp);
  await page.goto(url, { waitUntil: 'load' });
  await sleep(2500);
  const events = await stop();
  await cdp.detach();
  await page.close();
  return summarize(mainThreadTasks(events).tasks);
}

export interface FeedResult {
  /** Per batch (from one append to the next): main-thread busy time and our share, ms. */
  busy: number[];
  ours: number[];
  whole: TaskSummary;
}

/** The feed: wait until the first posts are read, then trace while the page appends batches. */
export async function feedRun(
  b: BenchBrowser,
  url: string,
  probe: string,
  batches: number,
  intervalMs: number,
): Promise<FeedResult> {
  const page = await freshPage(b, probe);
  await page.goto(url, { waitUntil: 'load' });
  await settle(page, 1000, 5000);
  const cdp = await b.context.newCDPSession(page);
  const stop = await startTrace(cdp);
  await page.evaluate(() => (window as unknown as { __startFeed(): void }).__startFeed());
  await sleep(batches * intervalMs + 1500);
  const events = await stop();
  await cdp.detach();
  await page.close();
  const { tasks, thread } = mainThreadTasks(events);
  const at = marks(thread, events, 'batch');
  const busy: number[] = [];
  const ours: number[] = [];
  at.forEach((from, i) => {
    const to = at[i + 1] ?? from + intervalMs;
    const s = summarize(tasks, from, to);
    busy.push(s.busy);
    ours.push(s.ours);
  });
  const first = at[0] ?? 0;
  return { busy, ours, whole: summarize(tasks, first, (at.at(-1) ?? first) + intervalMs) };
}

export interface HoverResult {
  events: number;
  whole: TaskSummary;
}

/**
 * Hovering: once the page is painted, real pointer moves (`page.mouse.move`, one every 16 ms,
 * as a mouse reports them) along a zigzag over the text, traced from the first to the last.
 */
export async function hoverRun(
  b: BenchBrowser,
  url: string,
  probe: string,
  moves: number,
): Promise<HoverResult> {
  const page = await freshPage(b, probe);
  await page.goto(url, { waitUntil: 'load' });
  await settle(page, 1000, 10_000);
  const cdp = await b.context.newCDPSession(page);
  await page.mouse.move(5, 5);
  const stop = await startTrace(cdp);
  const rows = 12;
  for (let i = 0; i < moves; i++) {
    // Left to right along a line of text, then the next line down.
    const perRow = Math.ceil(moves / rows);
    const row = Math.floor(i / perRow);
    const along = (i % perRow) / perRow;
    const x = 120 + along * (VIEWPORT.width - 240);
    const y = 60 + row * ((VIEWPORT.height - 120) / rows);
    await page.mouse.move(x, y);
    await sleep(16);
  }
  await sleep(400);
  const events = await stop();
  await cdp.detach();
  await page.close();
  return { events: moves, whole: summarize(mainThreadTasks(events).tasks) };
}

export interface HostileResult {
  /** Ranges painted once the work was done. */
  ranges: number;
  whole: TaskSummary;
}

/**
 * A hostile or huge page of the end-to-end tests (`tests/fixtures/hostile-pages.js`, built by
 * its own script at DOMContentLoaded), traced from navigation until the highlights have been
 * still for 2 s: how long the longest task of ours was while the page was read.
 */
export async function hostileRun(
  b: BenchBrowser,
  url: string,
  probe: string,
): Promise<HostileResult> {
  const page = await freshPage(b, probe);
  const cdp = await b.context.newCDPSession(page);
  const stop = await startTrace(cdp);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const ranges = await settle(page, 2000, 60_000);
  const events = await stop();
  await cdp.detach();
  await page.close();
  return { ranges, whole: summarize(mainThreadTasks(events).tasks) };
}

export interface WalkFloor {
  nodes: number;
  /** The first walk in a new isolated world, and a second one right after it, ms. */
  cold: number;
  warm: number;
}

/**
 * What any content script pays to read a page node by node, before doing anything with the
 * text: one TreeWalker over the body from a new isolated world (as a content script's), reading
 * each node's type, a text node's data, an element's tag name, `hidden`, `contenteditable` and
 * shadow root, as our collector does. The first walk pays for a wrapper of every node in that
 * world and for cold code; the second is there for comparison. Run in the browser without the
 * extension, after `load`.
 */
export async function isolatedWalk(b: BenchBrowser, url: string, name: string): Promise<WalkFloor> {
  const page = await freshPage(b);
  await page.goto(url, { waitUntil: 'load' });
  await sleep(500);
  const cdp = await b.context.newCDPSession(page);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as {
    frameTree: { frame: { id: string } };
  };
  const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: name,
  })) as { executionContextId: number };
  const expression = `(() => {
    const walk = () => {
      const w = document.createTreeWalker(document.body);
      let n = 0;
      for (let node = w.currentNode; node; node = w.nextNode()) {
        n++;
        if (node.nodeType === 3) node.data.length;
        else {
          node.tagName;
          node.hasAttribute('hidden');
          node.getAttribute('contenteditable');
          node.shadowRoot;
        }
      }
      return n;
    };
    const t0 = performance.now();
    const nodes = walk();
    const t1 = performance.now();
    walk();
    return { nodes, cold: t1 - t0, warm: performance.now() - t1 };
  })()`;
  const { result } = (await cdp.send('Runtime.evaluate', {
    expression,
    contextId: executionContextId,
    returnByValue: true,
  })) as { result: { value: WalkFloor } };
  await cdp.detach();
  await page.close();
  return result.value;
}
