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
import puppeteer, {
  type Browser as FirefoxBrowser,
  type Page as FirefoxPage,
} from 'puppeteer-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { PageSummary } from '../../extension/messages';
import { ONLY_LOCAL_HOSTS } from './only-local';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'tests/fixtures');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Firefox's counterpart: every address but 127.0.0.1 goes to a proxy on a port where nothing
 * listens (Firefox never sends 127.0.0.1 to a proxy), so it too reaches nothing else.
 */
export const FIREFOX_ONLY_LOCAL_HOSTS = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.allow_hijacking_localhost': false,
  'network.dns.disablePrefetch': true,
};
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The Firefox build's internal id in `launchFirefox`: its pages are `moz-extension://<this>/…`. */
export const FIREFOX_UUID = '5b0c7f1e-9d2a-4c3b-8e61-3f0a2d9c4b71';
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

/**
 * Chromium's flags for a profile with our extension alone, and none of the browser's own traffic:
 * every host name but 127.0.0.1 fails to resolve, so a test can reach nothing beyond its server.
 */
export function extensionArgs(extDir: string): string[] {
  return [
    '--no-sandbox',
    ONLY_LOCAL_HOSTS,
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ];
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
    args: extensionArgs(extDir),
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

/**
 * How a test reads the registry: ranges in `page` order (by position), `text` order (sorted) or
 * the registry's own; white space folded or not; names with no range left out or kept.
 */
export interface HighlightReading {
  order: 'page' | 'text' | 'registry';
  foldSpace: boolean;
  keepEmpty: boolean;
}

/**
 * Run in the page (`evaluate(readHighlights, how)`, from Playwright or Puppeteer): each
 * `rivalry-*` highlight with the text of each of its ranges, one reader for every browser.
 */
export function readHighlights(how: HighlightReading): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const registry = CSS.highlights as unknown as Map<string, Set<AbstractRange>>;
  for (const [name, hl] of registry) {
    if (!name.startsWith('rivalry-')) continue;
    const texts: [number, string][] = [];
    for (const r of hl) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      let at = 0;
      if (how.order === 'page') {
        const rect = range.getBoundingClientRect();
        at = rect.top * 10000 + rect.left;
      }
      const text = range.toString();
      texts.push([at, how.foldSpace ? text.replace(/\s+/g, ' ') : text]);
    }
    if (how.order === 'page') texts.sort((a, b) => a[0] - b[0]);
    const list = texts.map((t) => t[1]);
    if (how.order === 'text') list.sort();
    if (list.length || how.keepEmpty) out[name] = list;
  }
  return out;
}

/** Each `rivalry-*` highlight, with the text of each of its ranges, in document order. */
export function highlights(page: Page | import('playwright-core').Frame) {
  const how: HighlightReading = { order: 'page', foldSpace: true, keepEmpty: false };
  return page.evaluate(readHighlights, how);
}

/** Run in the page (`evaluate(firstRangeBox, name)`): the box of highlight `name`'s first range. */
export function firstRangeBox(name: string) {
  const hl = CSS.highlights.get(name) as unknown as Set<AbstractRange>;
  const r = [...hl][0] as AbstractRange;
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  const rect = range.getBoundingClientRect();
  return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
}

/**
 * Run in a page (`evaluate(pixelsOfColour, [base64Png, rgb, tolerance])`): how many of a PNG's
 * pixels are `rgb` (± `tolerance` a channel), of how many; the browser decodes it, Node cannot.
 */
export async function pixelsOfColour([b64, want, tolerance]: readonly [
  string,
  readonly number[],
  number,
]): Promise<{ matching: number; total: number }> {
  const img = new Image();
  img.src = `data:image/png;base64,${b64}`;
  await img.decode();
  const canvas = new OffscreenCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  ctx.drawImage(img, 0, 0);
  const { data } = ctx.getImageData(0, 0, img.width, img.height);
  let matching = 0;
  for (let i = 0; i < data.length; i += 4)
    if (want.every((c, k) => Math.abs((data[i + k] as number) - c) <= tolerance)) matching++;
  return { matching, total: img.width * img.height };
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

/**
 * Bundles a fixture script with React's production build into a temporary folder, to be served
 * as one of `serveFixtures`' extra files (vite is loaded only by the files that need it).
 */
export async function bundleFixture(entry: string, globalName: string): Promise<string> {
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), `rivalry-lens-${entry.replace(/\.js$/, '')}-`));
  await build({
    configFile: false,
    logLevel: 'silent',
    root: FIXTURES,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: { entry: join(FIXTURES, entry), formats: ['iife'], name: globalName },
      rollupOptions: { output: { entryFileNames: entry } },
    },
  });
  return join(outDir, entry);
}

/**
 * Firefox ESR with the Firefox build (`.output/firefox-mv2`, made beforehand) installed, driven
 * by puppeteer-core over WebDriver BiDi; `windowArgs` size its window.
 */
export async function launchFirefox(windowArgs: string[]): Promise<FirefoxBrowser> {
  const dir = join(ROOT, '.output/firefox-mv2');
  const geckoId: string = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))
    .browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    // The window's size, not `page.setViewport`: puppeteer sends with it a screen orientation
    // override that Firefox ESR 140 does not know.
    defaultViewport: null,
    // Firefox 153 lets WebDriver open moz-extension:// pages only with system access.
    args: [...windowArgs, '--remote-allow-system-access'],
    extraPrefsFirefox: {
      ...FIREFOX_ONLY_LOCAL_HOSTS,
      // The add-on's internal id, random unless set beforehand, is in its pages' addresses.
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIREFOX_UUID }),
    },
  });
  try {
    await browser.installExtension(dir);
  } catch (e) {
    await browser.close();
    throw e;
  }
  return browser;
}

/**
 * This tree's Firefox build, the fixture server and Firefox ESR with one page, for the tests of
 * one file: started before them (before the file's own `beforeAll`), closed after them. Read
 * `env.*` inside hooks and tests; `env.errors` holds the page's console and uncaught errors.
 */
export function withFirefox(windowArgs: string[]): {
  readonly server: FixtureServer;
  readonly browser: FirefoxBrowser;
  readonly page: FirefoxPage;
  readonly errors: string[];
} {
  const env = { errors: [] as string[] } as {
    server: FixtureServer;
    browser: FirefoxBrowser;
    page: FirefoxPage;
    errors: string[];
  };
  beforeAll(async () => {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'pipe' });
    env.server = await serveFixtures();
    env.browser = await launchFirefox(windowArgs);
    env.page = await env.browser.newPage();
    env.page.on('console', (m) => {
      if (m.type() === 'error') env.errors.push(m.text());
    });
    env.page.on('pageerror', (e) => env.errors.push(String(e)));
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
