/**
 * The popup's part of the end-to-end harness: Chromium with the built extension on a profile
 * that can be closed and opened again (the shared `harness.ts` starts a fresh one each time),
 * and a page object for the popup. Fixtures and the build come from `harness.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM, extensionArgs, extensionDir } from './harness';

/** The extension API as code evaluated in the service worker or an extension page sees it. */
declare const chrome: typeof import('wxt/browser').browser;

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
  const dir = extensionDir();
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: extensionArgs(dir),
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
export async function tabIdOf(session: Pick<Session, 'worker'>, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await session.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (typeof id !== 'number') throw new Error('no active tab');
  return id;
}

/**
 * Waits until the tab's content script says it has read the page to the end (a slow machine may
 * still be reading it when the first highlights are painted).
 */
export async function readToEnd(worker: Worker, tabId: number, timeout: number) {
  const state = () =>
    worker.evaluate(
      (id) =>
        chrome.tabs
          .sendMessage(id, { type: 'getSummary' }, { frameId: 0 })
          .then((summary: { state?: string } | undefined) => summary?.state)
          .catch(() => null),
      tabId,
    );
  await expect.poll(state, { timeout }).toBe('ready');
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
    return this.page.getByRole('switch', { name: /^Highlight on / });
  }

  pauseSwitch() {
    return this.page.getByRole('switch', { name: /^Paused everywhere: / });
  }

  /** The popup's sentence after a reveal, e.g. "Showing 1 of 2 mentions of OpenAI". */
  status() {
    return this.page.getByRole('status');
  }

  /**
   * What does not fit: boxes that scroll inside (their content taller than they are), and rows
   * not wholly inside the viewport. Empty when every entity is in view without scrolling.
   */
  overflow(): Promise<string[]> {
    return this.page.evaluate(() => {
      const out: string[] = [];
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/ /g, '.')}` : ''}`;
      for (const el of document.querySelectorAll('*')) {
        const { overflowY } = getComputedStyle(el);
        const scrolls = overflowY === 'auto' || overflowY === 'scroll';
        if (scrolls && el.scrollHeight > el.clientHeight)
          out.push(`${name(el)} scrolls: ${el.scrollHeight} > ${el.clientHeight}`);
      }
      const root = document.scrollingElement;
      if (root && root.scrollHeight > window.innerHeight)
        out.push(`the page scrolls: ${root.scrollHeight} > ${window.innerHeight}`);
      for (const row of document.querySelectorAll('button.entity')) {
        const r = row.getBoundingClientRect();
        if (r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth)
          out.push(
            `${row.getAttribute('data-entity')} is outside the viewport (${r.top}–${r.bottom})`,
          );
      }
      return out;
    });
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
