/**
 * The end-to-end harness: a local server for the fixture pages, Debian's Chromium with the built
 * extension in a fresh profile, and the probes the tests read pages with (from the page's main
 * world, as any test or user style sheet would see them).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import {
  type BrowserContext,
  type CDPSession,
  chromium,
  type Page,
  type Worker,
} from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { PageSummary } from '../../extension/messages';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'tests/fixtures');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots go to a temporary folder (printed by the tests), not into the repository. */
export const SHOTS = mkdtempSync(join(tmpdir(), 'rivalry-lens-shots-'));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Pages that are served with extra headers. */
const HEADERS: Record<string, Record<string, string>> = {
  '/csp.html': {
    'Content-Security-Policy':
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'",
  },
};

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** Serves `tests/fixtures/` (and any `extra` files) on 127.0.0.1 at a random port. */
export async function serveFixtures(extra: Record<string, string> = {}): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const extraFile = extra[path];
    const file = extraFile ?? join(FIXTURES, normalize(path).replace(/^([/\\])+/, ''));
    if (!file.startsWith(FIXTURES) && !extraFile) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      ...(HEADERS[path] ?? {}),
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (p) => `${origin}${p}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Builds the extension in a mode (`production` is what `npm run build` makes). */
export function extensionDir(mode: 'production' | 'fallback' = 'production'): string {
  const dir = join(ROOT, '.output', mode === 'production' ? 'chrome-mv3' : `chrome-mv3-${mode}`);
  if (mode !== 'production') {
    // A test build: paints with <rivalry-mark> even though this Chromium has the Highlight API.
    execFileSync('npx', ['wxt', 'build', '--mode', mode], { cwd: ROOT, stdio: 'pipe' });
  }
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}: run \`npm run build\` first.`);
  }
  return dir;
}

export interface Browser {
  context: BrowserContext;
  worker: Worker;
  /** Every URL any page or worker asked for. */
  requests: string[];
  /** Console errors and uncaught errors, from any page. */
  errors: string[];
  close(): Promise<void>;
}

/** Chromium with the extension, in a fresh temporary profile. */
export async function launch(
  extDir: string,
  {
    headless = true,
    viewport = { width: 1100, height: 800 } as { width: number; height: number } | null,
  } = {},
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'rivalry-lens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport,
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${page.url()}: console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${page.url()}: pageerror: ${e.message}`));
  };
  context.on('page', watch);
  for (const p of context.pages()) watch(p);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    worker,
    requests,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a fixture in a new tab and waits for its `load` (not for the lens: wait for what it shows). */
export async function open(browser: Browser, url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Each `rivalry-*` highlight, with the text of each of its ranges, in document order. */
export function highlights(page: Page | import('playwright-core').Frame) {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    const registry = CSS.highlights as unknown as Map<string, Set<AbstractRange>>;
    for (const [name, hl] of registry) {
      if (!name.startsWith('rivalry-')) continue;
      const texts: [number, string][] = [];
      for (const r of hl) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        // Order by position on the page.
        const rect = range.getBoundingClientRect();
        texts.push([rect.top * 10000 + rect.left, range.toString()]);
      }
      texts.sort((a, b) => a[0] - b[0]);
      if (texts.length) out[name] = texts.map((t) => t[1].replace(/\s+/g, ' '));
    }
    return out;
  });
}

/** What the page's own MutationObserver (tests/fixtures/observe.js) recorded. */
export function mutations(page: Page | import('playwright-core').Frame) {
  return page.evaluate(() => (window as unknown as { __mutations: MutationLog[] }).__mutations);
}

/**
 * Run in the page (`page.evaluate(expandos)`): the elements on which the page's own scripts see
 * a property. Whatever we keep about a node (read or not, its mentions) lives in our own
 * collections, or at most on the content script's own wrappers of it: none may be here.
 */
export function expandos(): string[] {
  return [...document.querySelectorAll('*')]
    .filter((n) => Object.getOwnPropertyNames(n).length + Object.getOwnPropertySymbols(n).length)
    .map((n) => n.nodeName);
}

export interface MutationLog {
  type: string;
  target: string;
  added: string[];
  removed: string[];
  attribute: string | null;
}

/** The open card, as the user sees it: its label and text, or null when none is open. */
export function card(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('rivalry-lens')?.shadowRoot;
    const el = root?.querySelector('[role="dialog"]');
    if (!el?.matches(':popover-open')) return null;
    const r = el.getBoundingClientRect();
    return {
      label: el.getAttribute('aria-label'),
      text: el.textContent ?? '',
      rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      focused: root?.activeElement === el,
    };
  });
}

/** The viewport rectangle of the `index`th range of highlight `name` whose text is `text`. */
export async function mentionRect(page: Page, name: string, text?: string, index = 0) {
  const rect = await page.evaluate(
    ([n, t, i]) => {
      const hl = (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get(n as string);
      if (!hl) return null;
      const ranges: Range[] = [];
      for (const r of hl) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (t === undefined || range.toString() === t) ranges.push(range);
      }
      ranges.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      const box = ranges[i as number]?.getClientRects()[0];
      return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
    },
    [name, text, index] as const,
  );
  if (!rect) throw new Error(`no mention ${name} ${text ?? ''}`);
  return rect;
}

/** A page.evaluate round-trip and an animation frame, in ms (an idle page: a few ms). */
export async function responsiveness(page: Page): Promise<number> {
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  return Date.now() - t0;
}

/** Script time the renderer spent over `ms` of quiet (page and our isolated world). */
async function scriptTimeWhileQuiet(cdp: CDPSession, ms = 1000): Promise<number> {
  const read = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  };
  const before = await read();
  await new Promise((r) => setTimeout(r, ms));
  return (await read()) - before;
}

/** After the work is done: responsive, and our CPU back to idle. */
export async function expectSettled(page: Page) {
  expect(await responsiveness(page)).toBeLessThan(2000);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    // Timers of ours still running (a re-read that never ends, a poll) cost far more than this.
    await until(async () => expect(await scriptTimeWhileQuiet(cdp)).toBeLessThan(25), 10_000);
  } finally {
    await cdp.detach();
  }
}

/** Polls until `fn` stops throwing. */
export async function until<T>(fn: () => Promise<T>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Sends a message to the content scripts of every tab, from the extension's worker. */
export function sendToTabs(worker: Worker, message: Record<string, unknown>) {
  return worker.evaluate(async (msg) => {
    const c = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    const tabs = await c.tabs.query({});
    const answers: unknown[] = [];
    for (const tab of tabs) {
      try {
        answers.push(await c.tabs.sendMessage(tab.id as number, msg, { frameId: 0 }));
      } catch {
        // No content script in that tab.
      }
    }
    return answers;
  }, message);
}

/** The page summary the popup would show, from the content script of the (one) open tab. */
export async function pageSummary(worker: Worker): Promise<PageSummary> {
  const answers = (await sendToTabs(worker, { type: 'getSummary' })) as PageSummary[];
  const summary = answers.find((a) => a && typeof a === 'object');
  if (!summary) throw new Error('no content script answered getSummary');
  return summary;
}

/** Sets extension storage, as the popup and options page do. */
export function setStorage(
  worker: Worker,
  area: 'sync' | 'local',
  values: Record<string, unknown>,
) {
  return worker.evaluate(
    async ([a, v]) => {
      const c = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      await c.storage[a as 'sync' | 'local'].set(v as Record<string, unknown>);
    },
    [area, values] as const,
  );
}

/** Requests that left 127.0.0.1 (and the extension itself). */
export function foreignRequests(requests: string[]): string[] {
  return requests.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'chrome-extension:' || url.protocol === 'data:') return false;
    if (url.protocol === 'blob:') return false;
    return url.hostname !== '127.0.0.1';
  });
}

/**
 * The fixture server and Chromium with the extension for the tests of one file: started before
 * them (before the file's own `beforeAll`), closed after them. Read `env.server` and
 * `env.browser` inside hooks and tests.
 */
export function withExtension(
  options: { mode?: 'production' | 'fallback'; extra?: () => Promise<Record<string, string>> } = {},
): { readonly server: FixtureServer; readonly browser: Browser } {
  const env = {} as { server: FixtureServer; browser: Browser };
  beforeAll(async () => {
    env.server = await serveFixtures((await options.extra?.()) ?? {});
    env.browser = await launch(extensionDir(options.mode));
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
