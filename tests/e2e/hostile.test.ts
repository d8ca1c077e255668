/**
 * Hostile and huge pages (issue 5): each ends well (every mention found, exactly), the page
 * stays responsive, and once the work is done our CPU use goes back to idle. The pages build
 * themselves at DOMContentLoaded (`tests/fixtures/hostile-pages.js`, `?case=`). Timing is the
 * benchmark's business: here only structural facts are checked, with bounds that hold on a
 * loaded two-core machine and still tell a hung page or a lens that never settles, which are
 * slower by orders of magnitude.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectSettled,
  mentionRect,
  pageSummary,
  responsiveness,
  sendToTabs,
  until,
  withExtension,
} from './harness';
import { PopupPage, type Session, tabIdOf } from './popup-harness';

const env = withExtension();

const summary = () => pageSummary(env.browser.worker);

async function openCase(name: string, timeoutMs = 180_000): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.goto(env.server.url(`/hostile-pages.html?case=${name}`), {
    waitUntil: 'load',
    timeout: timeoutMs,
  });
  return page;
}

async function ready(timeoutMs = 180_000) {
  await until(async () => expect((await summary()).state).toBe('ready'), timeoutMs);
}

/** Ranges of the `rivalry-*` highlights in document order, each with its exact DOM position. */
function painted(page: Page) {
  return page.evaluate(() => {
    const list: Range[] = [];
    for (const [name, hl] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
      if (!name.startsWith('rivalry-')) continue;
      for (const r of hl) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        list.push(range);
      }
    }
    list.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return list.map((r) => {
      const node = r.startContainer as Text;
      const text = r.toString();
      return {
        text,
        // The first place the text occurs in its node: where an exact highlight starts.
        exact: r.startContainer === r.endContainer && node.data.indexOf(text) === r.startOffset,
      };
    });
  });
}

const expected = (page: Page) =>
  page.evaluate(() => (window as unknown as { __expected: unknown }).__expected);

// On a loaded shared machine huge pages take many times as long: each wait below is for a
// state, with a limit of its own, and the test's limit covers several of those waits.
describe('hostile and huge pages', { timeout: 540_000 }, () => {
  it('a million text nodes in one paragraph: paused as too large, then read when asked', async () => {
    const page = await openCase('million-nodes');
    try {
      // Past 60,000 nodes of one owner (see DEFAULT_LIMIT_OWNER_NODES), in the middle of the
      // paragraph.
      await until(async () => expect((await summary()).state).toBe('too-large'), 180_000);
      expect((await summary()).total).toBe(0);
      await expectSettled(page);
      const [answer] = await sendToTabs(env.browser.worker, { type: 'processAnyway' });
      expect(answer).toEqual({ ok: true });
      await ready();
      const found = await painted(page);
      expect(found.map((f) => f.text)).toEqual(await expected(page));
      expect(found.every((f) => f.exact || f.text.length > 6)).toBe(true);
      await expectSettled(page);
    } finally {
      await page.close();
    }
  });

  it('a single text node of 10 MB', async () => {
    const page = await openCase('ten-mb-node');
    try {
      await ready();
      expect((await summary()).total).toBe(await expected(page));
      await expectSettled(page);
    } finally {
      await page.close();
    }
  });

  it('elements nested 5,000 deep', async () => {
    const page = await openCase('deep');
    try {
      await ready();
      const found = await painted(page);
      expect(found.map((f) => f.text)).toEqual(await expected(page));
      expect(found.every((f) => f.exact)).toBe(true);
      await expectSettled(page);
    } finally {
      await page.close();
    }
  });

  it('a page that rewrites its own text in a loop', async () => {
    const page = await openCase('rewrite-loop');
    try {
      // While it churns: still responsive, and what is painted is what the page now says.
      await page.waitForTimeout(1500);
      expect(await responsiveness(page)).toBeLessThan(2000);
      await page.evaluate(() => (window as unknown as { __stop(): number }).__stop());
      const want = await page.evaluate(() =>
        (window as unknown as { __expectedAfterStop(): string[] }).__expectedAfterStop(),
      );
      await until(async () => expect((await painted(page)).map((f) => f.text)).toEqual(want));
      expect((await painted(page)).every((f) => f.exact)).toBe(true);
      await ready();
      await expectSettled(page);
    } finally {
      await page.close();
    }
  });

  it('a page that removes what we add and rewrites what we highlight: no feedback loop', async () => {
    const page = await openCase('hostile-dom');
    try {
      await ready();
      const want = (await expected(page)) as string[];
      const counts = () =>
        page.evaluate(() => {
          const w = window as unknown as { __removed: number; __rewrites: number };
          return { removed: w.__removed, rewrites: w.__rewrites };
        });
      // Painted once every range has been rewritten and read again: the page rewrites a
      // range's text at the frame after it sees it, which empties the range until then.
      await until(async () => {
        expect((await counts()).rewrites).toBe(want.length);
        expect((await painted(page)).map((f) => f.text)).toEqual(want);
      });
      // Hover a mention: the card's host is added, and the page removes it at once. Then
      // rest where there is no mention, and hover another one.
      const hover = async (index: number) => {
        const { removed } = await counts();
        const at = await mentionRect(page, 'rivalry-spacex', 'SpaceX', index);
        await page.mouse.move(at.x, at.y);
        // The card opens after the dwell, however late on a busy machine; its host goes at once.
        await until(async () => expect((await counts()).removed).toBe(removed + 1), 30_000);
        await page.mouse.move(1090, at.y);
        await page.waitForTimeout(1000);
      };
      await hover(0);
      expect((await counts()).removed).toBe(1);
      await hover(3);
      // One card host per card opened, not one per removal.
      expect((await counts()).removed).toBe(2);
      await page.waitForTimeout(1000);
      expect((await counts()).removed).toBe(2);
      // Each range was rewritten once: reading the paragraph again kept the same Range
      // objects, so the page saw nothing new to rewrite.
      expect((await counts()).rewrites).toBe(want.length);
      // Every rewrite makes us read the paragraph again and paint new ranges, which the page
      // rewrites again: it is the page's loop, but each round is one re-read, and the
      // highlights stay right.
      expect((await painted(page)).map((f) => f.text)).toEqual(want);
      await page.evaluate(() => {
        (window as unknown as { __stopped: boolean }).__stopped = true;
      });
      await expectSettled(page);
    } finally {
      await page.close();
    }
  });

  it('right-to-left and mixed-direction text, emoji and combining marks: exact offsets', async () => {
    const page = await openCase('bidi');
    try {
      await ready();
      const found = await painted(page);
      expect(found.map((f) => f.text)).toEqual(await expected(page));
      expect(found.filter((f) => !f.exact)).toEqual([]);
      await expectSettled(page);
    } finally {
      await page.close();
    }
  });

  it('1,000 single-page-app navigations: nothing held grows', async () => {
    const page = await openCase('spa');
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      return usedSize;
    };
    const ranges = () =>
      page.evaluate(() => {
        let n = 0;
        for (const [name, hl] of CSS.highlights) if (name.startsWith('rivalry-')) n += hl.size;
        return n;
      });
    try {
      await ready();
      const want = (await expected(page)) as number;
      await until(async () => expect(await ranges()).toBe(want));
      // Warm up (code compiled, caches filled), then measure.
      await page.evaluate(() =>
        (window as unknown as { __navigate(n: number): Promise<void> }).__navigate(50),
      );
      await until(async () => expect(await ranges()).toBe(want));
      const before = await heap();
      await page.evaluate(() =>
        (window as unknown as { __navigate(n: number): Promise<void> }).__navigate(1000),
      );
      await until(async () => expect(await ranges()).toBe(want));
      await ready();
      expect((await summary()).total).toBe(want);
      const after = await heap();
      // Tolerant: 1,000 pages of about 5 KB each would be 5 MB if any were held.
      expect(after - before).toBeLessThan(1_500_000);
      await expectSettled(page);
    } finally {
      await cdp.detach().catch(() => {});
      await page.close();
    }
  });

  it('a page beyond the size limit: the popup says so and offers to go on', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(env.server.url('/large.html?mb=21'), { waitUntil: 'load', timeout: 180_000 });
    try {
      await until(async () => expect((await summary()).state).toBe('too-large'), 180_000);
      await expectSettled(page);
      const session = {
        context: env.browser.context,
        worker: env.browser.worker,
        extensionId: new URL(env.browser.worker.url()).host,
      } as Session;
      const tabId = await tabIdOf(session, page);
      const popup = await PopupPage.open(session, tabId);
      try {
        const message = popup.message();
        await expect
          .poll(() => message.textContent(), { timeout: 10_000 })
          .toContain('Paused on this page: too large');
        await popup.page.getByRole('button', { name: 'Process anyway' }).click();
        await ready();
        const want = await page.evaluate(
          () => (window as unknown as { __expectedMentions: number }).__expectedMentions,
        );
        expect((await summary()).total).toBe(want);
      } finally {
        await popup.page.close();
      }
      await expectSettled(page);
    } finally {
      await page.close();
    }
  });

  it('caused no page or console error', () => {
    expect(env.browser.errors).toEqual([]);
  });
});
