/**
 * Large pages: every mention is found, no task of ours is a long task (over 50 ms, as the
 * browser's Long Tasks API reports them), and a page beyond the size limit waits for
 * `processAnyway`. The page builds itself at DOMContentLoaded and records long tasks from its
 * first script; the only script on it after that is ours.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { open, pageSummary, sendToTabs, until, withExtension } from './harness';

const env = withExtension();

const summary = () => pageSummary(env.browser.worker);

/** Long tasks that began after the page had built itself: ours. */
function ourLongTasks(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __builtAt: number; __longTasks: [number, number][] };
    return w.__longTasks.filter(([start]) => start > w.__builtAt);
  });
}

const expected = (page: Page) =>
  page.evaluate(() => (window as unknown as { __expectedMentions: number }).__expectedMentions);

describe('large pages', () => {
  it('reads 19 MB in 57,000 paragraphs in slices, with no long task', async () => {
    const page = await open(env.browser, env.server.url('/large.html?mb=19'));
    try {
      await until(async () => expect((await summary()).state).toBe('ready'), 30_000);
      expect((await summary()).total).toBe(await expected(page));
      expect(await ourLongTasks(page)).toEqual([]);

      // 8,000 mentions: only those near the viewport are painted, and painting follows scroll.
      const painted = () =>
        page.evaluate(() => {
          let n = 0;
          let onScreen = 0;
          for (const [name, hl] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
            if (!name.startsWith('rivalry-')) continue;
            for (const r of hl) {
              n++;
              const range = document.createRange();
              range.setStart(r.startContainer, r.startOffset);
              range.setEnd(r.endContainer, r.endOffset);
              const { top, bottom } = range.getBoundingClientRect();
              if (bottom > 0 && top < innerHeight) onScreen++;
            }
          }
          return { n, onScreen };
        });
      const top = await painted();
      expect(top.n).toBeGreaterThan(0);
      expect(top.n).toBeLessThan(2000);
      expect(top.onScreen).toBeGreaterThan(0);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
      await until(async () => {
        const middle = await painted();
        expect(middle.onScreen).toBeGreaterThan(0);
        expect(middle.n).toBeLessThan(2000);
      });
      expect(await ourLongTasks(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('reads 4 MB in a single text node window by window, with no long task', async () => {
    const page = await open(env.browser, env.server.url('/large.html?mb=4&one=1'));
    try {
      await until(async () => expect((await summary()).state).toBe('ready'), 30_000);
      expect((await summary()).total).toBe(await expected(page));
      expect(await ourLongTasks(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('stops at 20 million characters until asked to process the page anyway', async () => {
    const page = await open(env.browser, env.server.url('/large.html?mb=21'));
    try {
      await until(async () => expect((await summary()).state).toBe('too-large'), 30_000);
      const partial = (await summary()).total;
      await page.waitForTimeout(500);
      expect((await summary()).total).toBe(partial); // it really waits
      const [answer] = await sendToTabs(env.browser.worker, { type: 'processAnyway' });
      expect(answer).toEqual({ ok: true });
      await until(async () => expect((await summary()).state).toBe('ready'), 30_000);
      expect((await summary()).total).toBe(await expected(page));
      expect(await ourLongTasks(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('caused no page or console error', () => {
    expect(env.browser.errors).toEqual([]);
  });
});
