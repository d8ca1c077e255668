/**
 * The store listing's images (docs/store/listing.md), shot from the running extension by
 * `npm run demo`: four 1280×800 screenshots (the highlighted page, a card, the popup over the
 * page, the options page) and the 440×280 promo tile, whose names the extension highlights too.
 * The popup cannot be shot in place headless, so its own screenshot is laid over the page's,
 * where the browser opens it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { card, type FixtureServer, mentionRect, until } from '../tests/e2e/harness.ts';

const SCREEN = { width: 1280, height: 800 };
const TILE = { width: 440, height: 280 };
const POPUP = { width: 400, height: 600 };

interface Shots {
  context: BrowserContext;
  /** The demo page's tab, with the extension running on it. */
  page: Page;
  server: FixtureServer;
  extensionId: string;
  tabId: number | undefined;
  outDir: string;
}

async function painted(page: Page, url: string) {
  await page.goto(url);
  await until(() => mentionRect(page, 'rivalry-openai'), 10_000);
}

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** Writes the images to `outDir` and returns their file names. */
export async function storeImages({ context, page, server, extensionId, tabId, outDir }: Shots) {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const save = (name: string, png: Buffer) => {
    writeFileSync(join(outDir, name), png);
    written.push(name);
  };

  await page.setViewportSize(SCREEN);
  await painted(page, server.url('/'));
  await page.mouse.move(5, SCREEN.height - 5);
  const plain = await page.screenshot();
  save('screenshot-1-page.png', plain);

  const at = await mentionRect(page, 'rivalry-stoke-space');
  await page.mouse.move(at.x - 40, at.y - 40);
  await page.mouse.move(at.x, at.y, { steps: 4 });
  await until(async () => {
    if (!(await card(page))) throw new Error('no card yet');
  }, 5000);
  await page.waitForTimeout(250);
  save('screenshot-2-card.png', await page.screenshot());
  await page.mouse.move(5, SCREEN.height - 5);

  const popup = await context.newPage();
  await popup.setViewportSize(POPUP);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('button.entity').first().waitFor({ timeout: 10_000 });
  await popup.waitForTimeout(200);
  // The popup's own size: the browser opens it as large as its content.
  const body = await popup.locator('.popup').first().boundingBox();
  const width = Math.min(POPUP.width, Math.ceil(body?.width ?? POPUP.width));
  const height = Math.min(POPUP.height, Math.ceil(body?.height ?? POPUP.height));
  const popupPng = await popup.screenshot({ clip: { x: 0, y: 0, width, height } });
  await popup.close();

  const sheet = await context.newPage();
  await sheet.setViewportSize(SCREEN);
  await sheet.setContent(`<body style="margin:0">
    <img src="${dataUrl(plain)}" style="display:block;filter:brightness(0.93)">
    <img src="${dataUrl(popupPng)}" style="position:absolute;top:8px;right:24px;
      border-radius:8px;box-shadow:0 6px 24px rgb(0 0 0 / 0.35)">
  </body>`);
  save('screenshot-3-popup.png', await sheet.screenshot());

  await sheet.goto(`chrome-extension://${extensionId}/options.html`);
  await sheet.locator('.options section').first().waitFor({ timeout: 10_000 });
  save('screenshot-4-options.png', await sheet.screenshot());

  await sheet.setViewportSize(TILE);
  await painted(sheet, server.url('/store-tile.html'));
  save('promo-tile-440x280.png', await sheet.screenshot());
  await sheet.close();
  return written;
}
