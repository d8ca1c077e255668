/**
 * Smoke test in Firefox ESR (Debian's firefox-esr), driven by puppeteer-core over WebDriver BiDi:
 * the Firefox build installs as a temporary add-on, paints its highlights and opens a card on
 * hover. Firefox has no `highlightsFromPoint`, so this also covers hit-testing by caret position.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, ROOT, serveFixtures } from './harness';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

let server: FixtureServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox ESR not found at ${FIREFOX}`);
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'pipe' });
  server = await serveFixtures({ '/demo.html': join(ROOT, 'demo/index.html') });
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // No calls home from a test browser.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'network.captive-portal-service.enabled': false,
      'extensions.getAddons.cache.enabled': false,
    },
  });
  await browser.installExtension(join(ROOT, '.output', 'firefox-mv2'));
  page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 860 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The text of every range of each `rivalry-*` highlight, read from the page's main world. */
function highlights(p: Page) {
  return p.evaluate(() => {
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

async function poll<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Firefox ESR', () => {
  it('paints highlights on the demo page, and none on its hard negatives', async () => {
    await page.goto(server.url('/demo.html'));
    const hl = await poll(
      () => highlights(page),
      (h) => (h['rivalry-stoke-space']?.length ?? 0) > 0,
    );
    expect(hl['rivalry-stoke-space']).toEqual(['Stoke Space']);
    expect(hl['rivalry-neuralink']).toEqual(['Neuralink', 'Nueralink']);
    expect(hl['rivalry-spacex']).toEqual(['SpaceX', 'Space-X']);
    const all = Object.values(hl).flat();
    for (const negative of [
      'OpenAPI',
      'Stoke City',
      'stoke',
      'musk',
      'Spacey',
      'x-axis',
      'Model X',
    ])
      expect(all).not.toContain(negative);
  });

  it('opens a card when the pointer rests on a mention', async () => {
    const at = await page.evaluate(() => {
      const hl = (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get(
        'rivalry-stoke-space',
      );
      const r = hl ? [...hl][0] : undefined;
      if (!r) return null;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    expect(at).not.toBeNull();
    if (!at) return;
    await page.mouse.move(at.x - 30, at.y - 30);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    const label = await poll(
      () =>
        page.evaluate(() => {
          const el = document
            .querySelector('rivalry-lens')
            ?.shadowRoot?.querySelector('[role="dialog"]');
          return el?.matches(':popover-open') ? el.getAttribute('aria-label') : null;
        }),
      (v) => v !== null,
      5000,
    );
    expect(label).toMatch(/Stoke Space/);
    await new Promise((r) => setTimeout(r, 400)); // let the card finish fading in
    await page.screenshot({ path: join(ROOT, '.output', 'firefox-card.png') });
  });
});
