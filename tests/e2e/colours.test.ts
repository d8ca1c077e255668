/**
 * The highlight colours in Chromium with the built extension: a light page gets the light fills
 * and underlines (from the sheet adopted at document start), a page with a dark theme of its own
 * the dark ones, and each entity's fill and underline are what is actually painted.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { type ColourScheme, entityFill, entityUnderline, FLASH_RGB } from '../../extension/palette';
import { composite, hexToRgb, type Rgb } from '../../scripts/colour-math';
import {
  highlights,
  open,
  pixelsOfColour,
  SHOTS,
  sendToTabs,
  setStorage,
  until,
  withExtension,
} from './harness';

const env = withExtension();
const ENTITIES = [
  'openai',
  'xai',
  'sam-altman',
  'elon-musk',
  'x-twitter',
  'spacex',
  'stoke-space',
  'neuralink',
];

afterAll(() => console.log(`screenshots: ${SHOTS}`));

/** Opens a fixture at 1280×720 and waits until all eight entities are highlighted. */
async function openPage(path: string): Promise<Page> {
  const page = await open(env.browser, env.server.url(path));
  await page.setViewportSize({ width: 1280, height: 720 });
  await until(async () =>
    expect(Object.keys(await highlights(page)).sort()).toEqual(
      ENTITIES.map((id) => `rivalry-${id}`).sort(),
    ),
  );
  return page;
}

/** The background Chromium computes for `::highlight(rivalry-<id>)` on the first paragraph. */
function computedFill(page: Page, id: string) {
  return page.evaluate(
    (name) =>
      getComputedStyle(document.querySelector('p') as Element, `::highlight(${name})`)
        .backgroundColor,
    `rivalry-${id}`,
  );
}

/** The underline Chromium computes for `::highlight(rivalry-<id>)` on the first paragraph. */
function computedUnderline(page: Page, id: string) {
  return page.evaluate((name) => {
    const style = getComputedStyle(document.querySelector('p') as Element, `::highlight(${name})`);
    return `${style.textDecorationLine} ${style.textDecorationStyle} ${style.textDecorationColor}`;
  }, `rivalry-${id}`);
}

/**
 * The share of pixels of the screenshot of the first `text` in the page (its box grown by `below`
 * px downwards, where an underline runs) that are exactly `rgb` (±2).
 */
async function pixelsOf(page: Page, text: string, rgb: Rgb, below = 0): Promise<number> {
  const box = await page.evaluate(
    ([t, b]) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n.nodeValue ?? '').indexOf(t);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + t.length);
        const r = range.getBoundingClientRect();
        return { x: r.left, y: r.top, width: r.width, height: r.height + b };
      }
      throw new Error(`no ${t} on the page`);
    },
    [text, below] as const,
  );
  const png = (await page.screenshot({ clip: box })).toString('base64');
  const { matching, total } = await page.evaluate(pixelsOfColour, [png, [...rgb], 2] as const);
  return matching / total;
}

const asCss = (hex: string) => `rgb(${hexToRgb(hex).join(', ')})`;

describe.each([
  ['light', '/light-page.html'],
  ['dark', '/dark-page.html'],
] as [ColourScheme, string][])('on a %s page', (scheme, path) => {
  let page: Page;
  const other: ColourScheme = scheme === 'light' ? 'dark' : 'light';

  it(`paints each entity with its ${scheme} fill`, async () => {
    page = await openPage(path);
    for (const id of ENTITIES) {
      expect(await computedFill(page, id), id).toBe(asCss(entityFill(id, scheme)));
      expect(await computedUnderline(page, id), id).toBe(
        `underline wavy ${asCss(entityUnderline(id, scheme))}`,
      );
    }
    // What is on the screen: most of the box of a mention is its fill, none is the other scheme's.
    for (const [id, text] of [
      ['openai', 'OpenAI'],
      ['spacex', 'SpaceX'],
      ['neuralink', 'Neuralink'],
    ] as const) {
      expect(await pixelsOf(page, text, hexToRgb(entityFill(id, scheme))), id).toBeGreaterThan(0.4);
      expect(await pixelsOf(page, text, hexToRgb(entityFill(id, other))), id).toBe(0);
      // The underline is drawn too, in this scheme's colour and not the other's.
      const ink = (sch: ColourScheme) =>
        pixelsOf(page, text, hexToRgb(entityUnderline(id, sch)), 6);
      expect(await ink(scheme), id).toBeGreaterThan(0.01);
      expect(await ink(other), id).toBe(0);
    }
    await page.screenshot({ path: join(SHOTS, `colours-${scheme}.png`), caret: 'initial' });
  });

  it(`the popup shows each entity’s colour, in its ${scheme} scheme`, async () => {
    await page.bringToFront();
    const { worker } = env.browser;
    const tabId = await worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id;
    });
    const popup = await env.browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html?tab=${tabId}`);
    await popup
      .locator('button.entity')
      .nth(ENTITIES.length - 1)
      .waitFor({ timeout: 10_000 });
    const swatches = await popup.locator('button.entity').evaluateAll((buttons) =>
      Object.fromEntries(
        buttons.map((b) => {
          const swatch = b.querySelector('.swatch') as Element;
          const box = swatch.getBoundingClientRect();
          return [
            (b as HTMLElement).dataset.entity,
            {
              fill: getComputedStyle(swatch).backgroundColor,
              underline: getComputedStyle(swatch).backgroundImage,
              shown: box.width >= 8,
            },
          ];
        }),
      ),
    );
    expect(swatches).toEqual(
      Object.fromEntries(
        ENTITIES.map((id) => {
          const ink = asCss(entityUnderline(id, scheme));
          return [
            id,
            {
              fill: asCss(entityFill(id, scheme)),
              underline: `linear-gradient(${ink}, ${ink})`,
              shown: true,
            },
          ];
        }),
      ),
    );
    await popup.screenshot({ path: join(SHOTS, `colours-popup-${scheme}.png`) });
    await popup.close();
  });

  it('marks the mention just revealed in a colour unlike its fill', async () => {
    await page.bringToFront();
    await sendToTabs(env.browser.worker, { type: 'reveal', entity: 'elon-musk' });
    const fill = hexToRgb(entityFill('elon-musk', scheme));
    const flashed = composite(FLASH_RGB.split(' ').map(Number) as unknown as Rgb, 0.85, fill);
    await until(async () =>
      expect(
        await pixelsOf(page, 'Elon Musk', flashed.map(Math.round) as unknown as Rgb),
      ).toBeGreaterThan(0.4),
    );
    await page.screenshot({
      path: join(SHOTS, `colours-${scheme}-revealed.png`),
      caret: 'initial',
    });
    await page.keyboard.press('Escape');
  });

  it('underlines, wavy, in the underline style', async () => {
    await setStorage(env.browser.worker, 'sync', { highlightStyle: 'underline' });
    // The fill style draws a wavy underline too: the fill going is what says the style came.
    await until(async () => expect(await computedFill(page, 'openai')).toBe('rgba(0, 0, 0, 0)'));
    expect(await computedUnderline(page, 'openai')).toBe(
      `underline wavy ${asCss(entityUnderline('openai', scheme))}`,
    );
    await page.screenshot({
      path: join(SHOTS, `colours-${scheme}-underline.png`),
      caret: 'initial',
    });
    await setStorage(env.browser.worker, 'sync', { highlightStyle: 'fill' });
    await until(async () =>
      expect(await computedFill(page, 'openai')).toBe(asCss(entityFill('openai', scheme))),
    );
    await page.close();
  });
});
