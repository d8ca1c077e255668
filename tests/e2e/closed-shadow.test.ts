/**
 * Closed shadow roots (issue #16) are read as open ones are: the extension reaches them
 * (`chrome.dom.openOrClosedShadowRoot`), the page's scripts do not. Their mentions are painted,
 * as the page shows them, and counted.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { entityFill } from '../../extension/palette';
import { hexToRgb } from '../../scripts/colour-math';
import {
  firstRangeBox,
  highlights,
  open,
  pageSummary,
  pixelsOfColour,
  until,
  withExtension,
} from './harness';

/** The share of the box of the highlight `name`'s first range that is painted `hex` (±2). */
async function paintedShare(page: Page, name: string, hex: string): Promise<number> {
  const box = await page.evaluate(firstRangeBox, name);
  const png = (await page.screenshot({ clip: box })).toString('base64');
  const { matching, total } = await page.evaluate(pixelsOfColour, [
    png,
    [...hexToRgb(hex)],
    2,
  ] as const);
  return matching / total;
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
