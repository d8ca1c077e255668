/**
 * End-to-end harness for the popup, options page and badge: Debian's Chromium with the built
 * extension, a fixture server on 127.0.0.1, and a page object for the popup.
 * (Built to TOOLCHAIN.md's recipe; small on purpose.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

/** The extension API as code evaluated in the service worker or an extension page sees it. */
declare const chrome: typeof import('wxt/browser').browser;

/** The built extension (`npx wxt build`); `RL_EXTENSION_DIR` points elsewhere. */
export const EXTENSION_DIR = resolve(
  process.env.RL_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../.output/chrome-mv3'),
);

export interface Fixtures {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  close(): Promise<void>;
}

/** Serves `pages` (path → HTML) from 127.0.0.1 on a free port; nothing else is ever fetched. */
export async function serveFixtures(pages: Record<string, string>): Promise<Fixtures> {
  const server: Server = createServer((req, res) => {
    const html = pages[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profileDir: string;
  close(): Promise<void>;
}

/** Starts Chromium with the built extension on `profileDir` (a fresh one when omitted). */
export async function launch(
  profileDir = mkdtempSync(join(tmpdir(), 'rl-popup-')),
): Promise<Session> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const worker = await extensionWorker(context);
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    profileDir,
    close: () => context.close(),
  };
}

/**
 * The extension's service worker. It may register before or after launch returns, so look,
 * then wait a little, repeatedly (a single wait can miss an event fired in between).
 */
async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    if (worker) return worker;
    await context.waitForEvent('serviceworker', { timeout: 500 }).catch(() => undefined);
  }
  throw new Error('The extension’s service worker did not start within 20 s.');
}

export function removeProfile(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}

/** The browser's id of the tab showing `page` (brought to the front to find it). */
export async function tabIdOf(session: Session, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await session.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (typeof id !== 'number') throw new Error('no active tab');
  return id;
}

/** The toolbar badge's text for a tab. */
export function badgeOf(session: Session, tabId: number): Promise<string> {
  return session.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Names and range counts of the `rivalry-*` highlights a page shows. */
export function highlightsOf(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const [name, highlight] of CSS.highlights)
      if (name.startsWith('rivalry-') && highlight.size > 0) out[name] = highlight.size;
    return out;
  });
}

/** The popup of a tab, opened as a page of its own (`?tab=` says which tab it is about). */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(session: Session, tabId: number): Promise<PopupPage> {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
    return new PopupPage(page);
  }

  siteSwitch() {
    return this.page.getByRole('switch', { name: /^On / });
  }

  pauseSwitch() {
    return this.page.getByRole('switch', { name: 'Pause everywhere' });
  }

  /** "N mentions of M names" once the summary is shown. */
  async total(): Promise<number> {
    const text = await this.page.locator('#summary-total').textContent({ timeout: 10_000 });
    const match = /^(\d+) mentions?/.exec(text ?? '');
    if (!match) throw new Error(`no total in “${text}”`);
    return Number(match[1]);
  }

  /** Entity id → count, as the summary lists them. */
  async counts(): Promise<Record<string, number>> {
    await this.page.locator('button.entity').first().waitFor({ timeout: 10_000 });
    return this.page
      .locator('button.entity')
      .evaluateAll((buttons) =>
        Object.fromEntries(
          buttons.map((b) => [
            b.getAttribute('data-entity') ?? '',
            Number(b.querySelector('.count')?.textContent),
          ]),
        ),
      );
  }

  entity(id: string) {
    return this.page.locator(`button.entity[data-entity="${id}"]`);
  }

  /** The state message shown instead of a summary, if any. */
  message() {
    return this.page.locator('.message');
  }
}
