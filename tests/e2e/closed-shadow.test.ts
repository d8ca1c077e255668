/**
 * Closed shadow roots (issue #16) are read as open ones are: the extension reaches them
 * (`chrome.dom.openOrClosedShadowRoot`), the page's scripts do not. Their mentions are painted,
 * as the page shows them, and counted.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { entityFill } from '../../extension/palette';
import { hexToRgb } from '../../scripts/colour-math';
import { highlights, open, pageSummary, until, withExtension } from './harness';

/** The share of the box of the highlight `name`'s first range that is painted `hex` (±2). */
async function paintedShare(page: Page, name: string, hex: string): Promise<number> {
  const box = await page.evaluate((n) => {
    const hl = CSS.highlights.get(n) as unknown as Set<AbstractRange>;
    const r = [...hl][0] as AbstractRange;
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const rect = range.getBoundingClientRect();
    return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
  }, name);
  const png = (await page.screenshot({ clip: box })).toString('base64');
  return page.evaluate(
    async ([b64, want]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = new OffscreenCanvas(img.width, img.height);
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, img.width, img.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4)
        if (want.every((c, k) => Math.abs((data[i + k] as number) - c) <= 2)) n++;
      return n / (img.width * img.height);
    },
    [png, [...hexToRgb(hex)]] as const,
  );
}

const env = withExtension();

describe('a page with closed shadow roots', () => {
  it('highlights and counts what they hold', async () => {
    const page = await open(env.browser, env.server.url('/closed-shadow.html'));
    // The page's view of the registry: the ranges inside closed roots are there, their text read
    // through the ranges (the page cannot reach the roots themselves).
    await until(async () =>
      expect(await highlights(page)).toEqual({
        'rivalry-openai': ['OpenAI'],
        'rivalry-neuralink': ['Neuralink'],
        'rivalry-sam-altman': ['Sam Altman'],
        'rivalry-spacex': ['SpaceX'],
        'rivalry-stoke-space': ['Stoke Space'],
        'rivalry-xai': ['xAI'],
      }),
    );
    expect(await page.evaluate(() => document.querySelector('closed-card')?.shadowRoot)).toBeNull();
    // Painted, not only registered: most of the box of each name is its fill.
    for (const id of ['sam-altman', 'stoke-space'])
      expect(
        await paintedShare(page, `rivalry-${id}`, entityFill(id, 'light')),
        id,
      ).toBeGreaterThan(0.4);
    const summary = await pageSummary(env.browser.worker);
    expect(summary.total).toBe(6);
    await page.close();
  });
});
