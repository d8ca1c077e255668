/**
 * Updates of the rivalry data without a release, in Chromium: a build whose data address is a
 * local server (`WXT_RIVALRY_DATA_URL`, with a short timeout), built into its own folder. The
 * server counts every request: none while the option is off; with it on, a newer file is taken
 * and the next card shows it, and each bad file is refused with the message in the options page
 * while the data in use is kept.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import puppeteer, { type Browser as Firefox, type Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataset as bundled } from '../../core/rivalry-data';
import { mentionLinesIn } from './card-measure';
import {
  badFiles,
  fileVersion,
  hugeFile,
  marker,
  validFile,
} from '../fixtures/data-update/data-files';
import {
  type Browser,
  card,
  FIREFOX_ONLY_LOCAL_HOSTS,
  FIREFOX_UUID,
  type FixtureServer,
  highlights,
  launch,
  mentionRect,
  open,
  ROOT,
  serveFixtures,
  until,
} from './harness';

/** The timeout of the test build: a hanging server is given up on after this. */
const TIMEOUT_MS = 1500;
const MB = 1024 * 1024;

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** What the data server answers with next. */
let answer: (res: ServerResponse) => void = (res) => res.writeHead(404).end();
const seen: Seen[] = [];
let dataServer: Server;
let server: FixtureServer;
let browser: Browser;
let options: Page;

const CORS = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' };
const serve = (body: string, headers: Record<string, string | number> = {}) => {
  answer = (res) =>
    res
      .writeHead(200, {
        ...CORS,
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        ...headers,
      })
      .end(body);
};

let origin = '';
beforeAll(async () => {
  dataServer = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    answer(res);
  });
  await new Promise<void>((ok) => dataServer.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(dataServer.address() as AddressInfo).port}`;
  server = await serveFixtures();
});
afterAll(async () => {
  await server?.close();
  dataServer?.closeAllConnections();
  await new Promise((ok) => dataServer?.close(ok));
});

/** Builds the extension for `browser` with the data address pointed at the local server. */
function build(target: 'chrome' | 'firefox'): string {
  execFileSync(
    'npx',
    ['wxt', 'build', '--mode', 'dataupdate', ...(target === 'firefox' ? ['-b', 'firefox'] : [])],
    {
      cwd: ROOT,
      stdio: 'pipe',
      env: {
        ...process.env,
        WXT_RIVALRY_DATA_URL: `${origin}/rivalry.json`,
        WXT_RIVALRY_DATA_TIMEOUT_MS: String(TIMEOUT_MS),
      },
    },
  );
  return join(ROOT, `.output/${target === 'firefox' ? 'firefox-mv2' : 'chrome-mv3'}-dataupdate`);
}

/** The OpenAI card's text, on a page opened afresh. */
async function openaiCard(): Promise<string> {
  const page = await open(browser, server.url('/card.html'));
  try {
    await until(async () => expect(await highlights(page)).toHaveProperty('rivalry-openai'));
    const { x, y } = await mentionRect(page, 'rivalry-openai');
    await page.mouse.move(x, y, { steps: 4 });
    return await until(async () => {
      const open = await card(page);
      expect(open?.label).toBe('Rivalry Lens: OpenAI');
      return open?.text ?? '';
    });
  } finally {
    await page.close();
  }
}

const inUse = () => options.getByText(/The cards use version/).textContent();
const lastCheck = () => options.locator('.data-outcome').last();

/** Clicks Check now and waits for a new check's outcome. */
async function checkNow(): Promise<string> {
  const before = seen.length;
  const previous = await lastCheck()
    .textContent()
    .catch(() => null);
  await options.getByRole('button', { name: 'Check now' }).click();
  await until(async () => {
    expect(seen.length).toBeGreaterThan(before);
    expect(await options.getByRole('button', { name: 'Check now' }).isEnabled()).toBe(true);
    expect(await lastCheck().textContent()).not.toBe(previous);
  }, TIMEOUT_MS + 5000);
  return (await lastCheck().textContent()) ?? '';
}

describe('rivalry data updates in Chromium', () => {
  beforeAll(async () => {
    seen.length = 0;
    browser = await launch(build('chrome'));
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${new URL(browser.worker.url()).host}/options.html`);
    await options.getByText(/The cards use version/).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('makes no request at all with the option off', async () => {
    const text = await openaiCard();
    expect(text).toContain(bundled.entities.find((e) => e.id === 'openai')?.description);
    await options.reload();
    await options.getByText(/The cards use version/).waitFor();
    await options.waitForTimeout(1000);
    expect(await inUse()).toMatch(/the data bundled with this release/);
    expect(seen).toEqual([]);
  });

  it('with the option on, takes a newer file from the background; the next card shows it', async () => {
    serve(JSON.stringify(validFile(3)));
    await options.getByRole('checkbox', { name: /Keep the rivalry data current/ }).check();
    await until(async () =>
      expect(await lastCheck().textContent()).toMatch(
        new RegExp(String.raw`Took version ${fileVersion(3)}\.`),
      ),
    );
    expect(await inUse()).toMatch(
      new RegExp(String.raw`version ${fileVersion(3)} of the data, as of .*: downloaded on `),
    );
    expect(await openaiCard()).toContain(marker(3));
    // One plain GET of the file: no query, no cookies, no referrer, nothing of ours.
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe('/rivalry.json');
    expect(request?.headers.cookie).toBeUndefined();
    expect(request?.headers.referer).toBeUndefined();
    expect(request?.headers.origin).toBeUndefined();
  });

  const refusals: [string, () => void, RegExp][] = [
    ['invalid JSON', () => serve(badFiles(4).json ?? ''), /not valid JSON/],
    ['a schema error', () => serve(badFiles(4).schema ?? ''), /kind: must be/],
    ['a dangling reference', () => serve(badFiles(4).dangling ?? ''), /no source "no-such-source"/],
    [
      'an older version',
      () => serve(JSON.stringify(validFile(2))),
      new RegExp(
        String.raw`version ${fileVersion(2)}, older than the data in use \(version ${fileVersion(3)}\)`,
      ),
    ],
    ['a 2 MB file', () => serve(hugeFile(4, 2 * MB)), /is 2(\.\d+)? MB, more than the 1 MB/],
    [
      'a 2 MB file that does not say its size',
      () => {
        answer = (res) => {
          res.writeHead(200, { ...CORS, 'Content-Type': 'application/json' });
          res.end(hugeFile(4, 2 * MB));
        };
      },
      /grew past the 1 MB/,
    ],
    [
      'a server that hangs',
      () => {
        answer = (res) => res.writeHead(200, CORS);
      },
      /no complete file within 2 s/,
    ],
  ];
  for (const [what, set, message] of refusals) {
    it(`refuses ${what} with a message, and keeps the data in use`, async () => {
      set();
      const text = await checkNow();
      expect(text).toMatch(message);
      expect(text).toMatch(/The data in use is kept\./);
      expect(await lastCheck().getAttribute('role')).toBe('alert');
      expect(await inUse()).toMatch(new RegExp(String.raw`version ${fileVersion(3)} of the data`));
    });
  }

  it('the card still shows the data in use after every refusal', async () => {
    expect(await openaiCard()).toContain(marker(3));
  });

  it('"Use the bundled data" goes back', async () => {
    await options.getByRole('button', { name: 'Use the bundled data' }).click();
    await until(async () => expect(await inUse()).toMatch(/the data bundled with this release/));
    expect(await openaiCard()).not.toContain(marker(3));
    expect(
      await options.getByRole('checkbox', { name: /Keep the rivalry data current/ }).isChecked(),
    ).toBe(false);
  });
});

describe('rivalry data updates in Firefox', () => {
  const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  // The options page's address holds the add-on's internal id, random unless set beforehand.
  const UUID = FIREFOX_UUID;
  let firefox: Firefox;
  let page: FirefoxPage;

  beforeAll(async () => {
    seen.length = 0;
    const dir = build('firefox');
    // The add-on id as the build declares it, so that its internal UUID can be fixed below.
    const geckoId: string = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))
      .browser_specific_settings.gecko.id;
    firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      protocol: 'webDriverBiDi',
      defaultViewport: null,
      // Firefox 153 lets WebDriver open moz-extension:// pages only with system access.
      args: ['--window-size=1100,800', '--remote-allow-system-access'],
      extraPrefsFirefox: {
        ...FIREFOX_ONLY_LOCAL_HOSTS,
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: UUID }),
        // Grants an optional permission without the doorhanger a test cannot answer.
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
    await firefox.installExtension(dir);
    page = await firefox.newPage();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  const openOptions = async () => {
    // WebDriver BiDi reports no load for an extension page: wait for what it shows instead.
    await page
      .goto(`moz-extension://${UUID}/options.html`, { timeout: 3000 })
      .catch(() => undefined);
    await until(async () => expect(await text('.data-in-use')).toMatch(/The cards use version/));
  };
  const text = (selector: string) =>
    page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', selector);
  const lastOutcome = () =>
    page.evaluate(() => [...document.querySelectorAll('.data-outcome')].at(-1)?.textContent ?? '');

  /** The OpenAI card's text on card.html, opened afresh. */
  async function firefoxCard(): Promise<string> {
    await page.goto(server.url('/card.html'));
    const mention = await until(async () => {
      const found = await page.evaluate(mentionLinesIn, 'clipped');
      expect(found?.name).toBe('rivalry-openai');
      return found?.lines[0] as { left: number; top: number; right: number; bottom: number };
    }, 10_000);
    await page.mouse.move(5, 5);
    await page.mouse.move((mention.left + mention.right) / 2, (mention.top + mention.bottom) / 2, {
      steps: 3,
    });
    return until(async () => {
      const shown = await page.evaluate(() => {
        const el = document.querySelector('rivalry-lens')?.shadowRoot?.querySelector('.card');
        return el?.matches(':popover-open') ? (el.textContent ?? '') : '';
      });
      expect(shown).toContain('OpenAI');
      return shown;
    });
  }

  async function clickCheckNow(): Promise<string> {
    const before = await lastOutcome();
    // A real click: Firefox grants the host access only in answer to a user action.
    await page.click('button::-p-text(Check now)');
    return until(async () => {
      const now = await lastOutcome();
      expect(now).not.toBe(before);
      return now;
    }, TIMEOUT_MS + 5000);
  }

  it('makes no request at all with the option off', async () => {
    expect(await firefoxCard()).toContain(
      bundled.entities.find((e) => e.id === 'openai')?.description,
    );
    await openOptions();
    await new Promise((r) => setTimeout(r, 1000));
    expect(seen).toEqual([]);
  });

  it('takes a newer file from the background page; the next card shows it', async () => {
    serve(JSON.stringify(validFile(3)));
    await page.click('.data-option input');
    await until(async () =>
      expect(await lastOutcome()).toMatch(new RegExp(String.raw`Took version ${fileVersion(3)}\.`)),
    );
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.url).toBe('/rivalry.json');
    expect(request?.headers.cookie).toBeUndefined();
    expect(request?.headers.referer).toBeUndefined();
    // No `Origin: moz-extension://<id of this installation>`: the host access granted with the
    // option makes it the extension's own request.
    expect(request?.headers.origin).toBeUndefined();
    expect(await firefoxCard()).toContain(marker(3));
  });

  it('refuses a file past 1 MB and a server that hangs, keeping the data in use', async () => {
    await openOptions();
    answer = (res) => {
      res.writeHead(200, { ...CORS, 'Content-Type': 'application/json' });
      res.end(hugeFile(4, 2 * MB));
    };
    expect(await clickCheckNow()).toMatch(/grew past the 1 MB.*The data in use is kept\./);
    answer = (res) => res.writeHead(200, CORS);
    expect(await clickCheckNow()).toMatch(/no complete file within .*The data in use is kept\./);
    expect(await text('.data-in-use')).toMatch(
      new RegExp(String.raw`version ${fileVersion(3)} of the data`),
    );
    expect(await firefoxCard()).toContain(marker(3));
  });
});
