/**
 * The real toolbar popup, as a reader opens it: headed Chromium on its own X display (Xvfb),
 * the popup opened by the browser (`action.openPopup`), not the popup page loaded in a tab. A
 * headless browser gives the popup another view size, so this test draws a real window; it
 * fails, rather than skips, where Xvfb is missing (`.ci/run` installs it).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  extensionArgs,
  extensionDir,
  type FixtureServer,
  SHOTS,
  serveFixtures,
  until,
} from './harness';

declare const chrome: typeof import('wxt/browser').browser;

/** A display number no other X server holds. */
function freeDisplay(): number {
  for (let n = 90; n < 140; n++) if (!existsSync(`/tmp/.X11-unix/X${n}`)) return n;
  throw new Error('no free X display between :90 and :139');
}

describe('the toolbar popup, opened by the browser', () => {
  let xvfb: ChildProcess;
  let browser: Browser;
  let worker: WebWorker;
  let server: FixtureServer;
  let page: Page;
  let profile: string;

  beforeAll(async () => {
    execFileSync('which', ['Xvfb']); // throws, failing the test, where Xvfb is not installed
    const display = freeDisplay();
    xvfb = spawn('Xvfb', [`:${display}`, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], {
      stdio: 'ignore',
    });
    await until(async () => expect(existsSync(`/tmp/.X11-unix/X${display}`)).toBe(true), 10_000);
    server = await serveFixtures();
    profile = mkdtempSync(join(tmpdir(), 'rl-toolbar-'));
    const dir = extensionDir();
    // Puppeteer, not Playwright: Playwright does not attach to the toolbar popup's page.
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: false,
      userDataDir: profile,
      defaultViewport: null,
      ignoreDefaultArgs: ['--disable-extensions'],
      env: { ...process.env, DISPLAY: `:${display}` },
      args: [...extensionArgs(dir), '--window-size=1280,860'],
    });
    const sw = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    );
    worker = (await sw.worker()) as WebWorker;
    page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.goto(server.url('/all-entities.html'));
    await page.waitForFunction(() => CSS.highlights.size > 0, { timeout: 10_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    xvfb?.kill();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function openPopup(): Promise<Page> {
    await page.bringToFront();
    await worker.evaluate(() => chrome.action.openPopup());
    const target = await browser.waitForTarget((t) => t.url().includes('/popup.html'), {
      timeout: 10_000,
    });
    const popup = (await target.asPage()) as Page;
    await popup.waitForSelector('button.entity');
    return popup;
  }

  it('is 360 by 600, lists every entity on the page, each row in view, with no inner scrolling', async () => {
    const popup = await openPopup();
    await new Promise((ok) => setTimeout(ok, 300));
    const view = await popup.evaluate(() => ({ w: innerWidth, h: innerHeight }));
    expect(view).toEqual({ w: 360, h: 600 });
    const rows = await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button.entity')].map((b) => {
        const r = b.getBoundingClientRect();
        return { name: b.querySelector('.name')?.textContent, top: r.top, bottom: r.bottom };
      }),
    );
    expect(rows.map((r) => r.name).sort()).toEqual(
      [
        'Elon Musk',
        'Neuralink',
        'OpenAI',
        'Sam Altman',
        'SpaceX',
        'Stoke Space',
        'X (Twitter)',
        'xAI',
      ].sort(),
    );
    for (const row of rows) {
      expect(row.top, row.name ?? '').toBeGreaterThanOrEqual(0);
      expect(row.bottom, row.name ?? '').toBeLessThanOrEqual(600);
    }
    const scrollers = await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('*')]
        .filter(
          (e) =>
            e.scrollHeight > e.clientHeight + 1 &&
            /auto|scroll/.test(getComputedStyle(e).overflowY),
        )
        .filter((e) => e.offsetParent !== null && !e.closest('details:not([open])'))
        .map((e) => e.className),
    );
    expect(scrollers).toEqual([]);
    await popup.screenshot({ path: join(SHOTS, 'toolbar-popup.png') });
  });

  it('a row clicked closes the popup and opens the card on the page with its place', async () => {
    const popup = await openPopup();
    const closed = new Promise((ok) => popup.once('close', ok));
    await popup.click('button.entity');
    await closed;
    const shown = await until(async () => {
      const open = await page.evaluate(() => {
        const el = document
          .querySelector('rivalry-lens')
          ?.shadowRoot?.querySelector('[role="dialog"]');
        return el?.matches(':popover-open')
          ? { label: el.getAttribute('aria-label'), text: el.textContent ?? '' }
          : null;
      });
      expect(open?.text).toMatch(/\d+ of \d+/);
      return open;
    }, 5000);
    expect(shown?.label).toBeTruthy();
  });
});
