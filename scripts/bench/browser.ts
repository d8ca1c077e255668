/**
 * The benchmark's browsers and server: generated pages served from 127.0.0.1 (random port), and
 * Debian's Chromium launched twice with the same flags, once with the built extension and once
 * without it, so every number "with" has its "without" measured in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { ONLY_LOCAL_HOSTS } from '../../tests/e2e/only-local.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1100, height: 800 };

export interface PageServer {
  url(path: string): string;
  close(): Promise<void>;
}

/** Serves `pages` (path → HTML or script source) from memory. */
export async function servePages(pages: Record<string, string>): Promise<PageServer> {
  const bodies = new Map(Object.entries(pages).map(([k, v]) => [k, Buffer.from(v, 'utf8')]));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const body = bodies.get(path);
    if (!body) {
      res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': path.endsWith('.js')
        ? 'text/javascript; charset=utf-8'
        : 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: (p) => `http://127.0.0.1:${port}${p}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export interface BenchBrowser {
  context: BrowserContext;
  /** The extension's id, or null for the browser without it. */
  extensionId: string | null;
  close(): Promise<void>;
}

/** Chromium in a fresh profile, with the unpacked extension at `extDir` or without any. */
export async function launchBrowser(extDir: string | null): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'rivalry-lens-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORT,
    ...(extDir ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
    args: [
      '--no-sandbox',
      ...(extDir ? [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      // Nothing but the bench's own server on 127.0.0.1 can be reached.
      ONLY_LOCAL_HOSTS,
      // Exact rather than bucketed `performance.memory` figures.
      '--enable-precise-memory-info',
    ],
  });
  let extensionId: string | null = null;
  if (extDir) {
    const worker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A fresh tab; the benchmark closes it after each measurement so tabs never overlap. */
export async function freshPage(b: BenchBrowser, initScript?: string): Promise<Page> {
  const page = await b.context.newPage();
  if (initScript) await page.addInitScript({ content: initScript });
  return page;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function median(xs: readonly number[]): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
