/**
 * Closed shadow roots in Firefox ESR (issue #16): read through the `openOrClosedShadowRoot`
 * property Firefox gives content scripts, and painted by the sheet adopted into the root (Firefox
 * applies `::highlight` rules only within their own tree).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityFill } from '../../extension/palette';
import { hexToRgb } from '../../scripts/colour-math';
import { type FixtureServer, ROOT, serveFixtures, until } from './harness';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
let server: FixtureServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'pipe' });
  server = await serveFixtures();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    defaultViewport: null,
    args: ['--window-size=1100,800'],
  });
  await browser.installExtension(join(ROOT, '.output/firefox-mv2'));
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Each highlight's ranges' text, as the page sees the registry. */
function highlights() {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, hl] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
      if (!name.startsWith('rivalry-')) continue;
      out[name] = [...hl].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      });
    }
    return out;
  });
}

/** The share of the box of `name`'s first range painted `hex` (±2). */
async function paintedShare(name: string, hex: string): Promise<number> {
  const box = await page.evaluate((n) => {
    const r = [...(CSS.highlights.get(n) as unknown as Set<AbstractRange>)][0] as AbstractRange;
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const rect = range.getBoundingClientRect();
    return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
  }, name);
  const png = Buffer.from(await page.screenshot({ clip: box })).toString('base64');
  return page.evaluate(
    async (b64, want) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, img.width, img.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4)
        if (want.every((c, k) => Math.abs((data[i + k] as number) - c) <= 2)) n++;
      return n / (img.width * img.height);
    },
    png,
    [...hexToRgb(hex)],
  );
}

describe('Firefox ESR on closed shadow roots', () => {
  it('reads, counts and paints their mentions', async () => {
    await page.goto(server.url('/closed-shadow.html'));
    await until(async () =>
      expect(await highlights()).toEqual({
        'rivalry-openai': ['OpenAI'],
        'rivalry-neuralink': ['Neuralink'],
        'rivalry-sam-altman': ['Sam Altman'],
        'rivalry-spacex': ['SpaceX'],
        'rivalry-stoke-space': ['Stoke Space'],
        'rivalry-xai': ['xAI'],
      }),
    );
    for (const id of ['sam-altman', 'stoke-space'])
      expect(await paintedShare(`rivalry-${id}`, entityFill(id, 'light')), id).toBeGreaterThan(0.4);
  });
});
