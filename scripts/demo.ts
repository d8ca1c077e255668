/**
 * `npm run demo`: builds the extension and opens Chromium with it on the bundled demo page
 * (demo/index.html, served from 127.0.0.1).
 *
 * - With a display ($DISPLAY or $WAYLAND_DISPLAY): a normal window to play with; close it to end.
 * - Without one: headless, and writes screenshots of the highlighted page, an open card and the
 *   popup to the folder it prints (demo-output/ by default, or the first argument), and the
 *   store's images to its `store/` folder (see ./store-images.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { card, launch, mentionRect, ROOT, serveFixtures, until } from '../tests/e2e/harness.ts';
import { storeImages } from './store-images.ts';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const outDir = resolve(process.argv[2] ?? join(ROOT, 'demo-output'));

console.log('Building the extension…');
execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
const extDir = join(ROOT, '.output', 'chrome-mv3');

const server = await serveFixtures({
  '/': join(ROOT, 'demo/index.html'),
  '/store-tile.html': join(ROOT, 'demo/store-tile.html'),
  '/icon-128.png': join(extDir, 'icon/128.png'),
});
const browser = await launch(extDir, {
  headless: !headed,
  viewport: headed ? null : { width: 1100, height: 860 },
});
const { context, worker } = browser;
const extensionId = new URL(worker.url()).host;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(server.url('/'));

async function finish() {
  await browser.close();
  await server.close();
}

if (headed) {
  console.log(`Demo page: ${server.url('/')} — close the browser window to end.`);
  await new Promise<void>((done) => context.on('close', () => done()));
  await finish();
} else {
  mkdirSync(outDir, { recursive: true });
  // The page, once its mentions are painted.
  await until(() => mentionRect(page, 'rivalry-stoke-space'), 10_000);
  await page.screenshot({ path: join(outDir, 'page.png') });
  // A card: rest the pointer on the first "Stoke Space".
  const at = await mentionRect(page, 'rivalry-stoke-space');
  await page.mouse.move(at.x - 40, at.y - 40);
  await page.mouse.move(at.x, at.y, { steps: 4 });
  await until(async () => {
    if (!(await card(page))) throw new Error('no card yet');
  }, 5000);
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(outDir, 'card.png') });
  // The popup, about the demo tab.
  await page.bringToFront();
  const tabId = await worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('button.entity').first().waitFor({ timeout: 10_000 });
  await popup.waitForTimeout(200);
  // The popup as the toolbar shows it: its body's own size, not the tab's.
  const body = await popup.locator('body').boundingBox();
  await popup.screenshot({
    path: join(outDir, 'popup.png'),
    clip: {
      x: 0,
      y: 0,
      width: Math.min(400, Math.ceil(body?.width ?? 400)),
      height: Math.min(600, Math.ceil(body?.height ?? 600)),
    },
  });
  console.log(`Screenshots written to ${outDir}: page.png, card.png, popup.png`);
  await popup.close();
  const storeDir = join(outDir, 'store');
  const written = await storeImages({
    context,
    page,
    server,
    extensionId,
    tabId,
    outDir: storeDir,
  });
  console.log(`Store images written to ${storeDir}: ${written.join(', ')}`);
  await finish();
}
