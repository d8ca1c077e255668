/**
 * The content script in two stages: stage one (content-scripts/content.js) is the gate and its
 * watch; it carries neither the reader and the matcher, nor the painter and the hover, nor the
 * card UI (Preact, Floating UI), nor fuse.js, which are web-accessible ES modules of their own
 * (stage-two/) loaded when first needed, nor the settings schemas, which the background checks.
 * A page with no mention loads none of stage two until the page names one; a page whose only
 * mention is a misspelling loads fuse.js and still gets it highlighted and counted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURES,
  type FixtureServer,
  type HighlightReading,
  launchFirefox,
  ROOT,
  readHighlights,
  serveFixtures,
  until,
} from './harness';
import {
  highlightsOf,
  launch,
  PopupPage,
  removeProfile,
  type Session,
  tabIdOf,
} from './popup-harness';

/** Strings each stage-two part has, and stage one must not: a sign the code came along. */
const MARKERS = {
  // The controller's error label, the names' context words (only the gate's names are in
  // stage one), and the word lists of the context and shape checks, of which stage one imports
  // a few functions.
  reader: [
    'answering a message',
    'contextPairs',
    'lol lmao',
    'isnt wasnt',
    'mr mrs',
    'after against',
  ],
  show: ['::highlight(', 'rlens-flash'],
  card: ['Symbol.for(`pv`)', '__k', 'clippingAncestors'],
  fuse: ['Pattern length exceeds max of'],
};
const STAGE_TWO = Object.keys(MARKERS).map((name) => `stage-two/${name}.js`);

/**
 * A page with a misspelling and a name, served at the path the harness gives a strict
 * Content-Security-Policy (no script, style or connection from anywhere but the page's origin).
 */
const STRICT = { '/csp.html': join(FIXTURES, 'csp-two-stage.html') };

/** As the registry holds them: unfolded, in its order, names with no range kept. */
const AS_REGISTERED: HighlightReading = { order: 'registry', foldSpace: false, keepEmpty: true };

/** In the page: the `rivalry-*` highlights' texts, and the label of the open card, if any. */
const LOOK = `(() => {
  const el = document.querySelector('rivalry-lens')?.shadowRoot?.querySelector('[role="dialog"]');
  return {
    highlights: (${readHighlights})(${JSON.stringify(AS_REGISTERED)}),
    card: el?.matches(':popover-open') ? el.getAttribute('aria-label') : null,
  };
})()`;
const EXPECTED = { 'rivalry-spacex': ['SpaceX'], 'rivalry-neuralink': ['Nueralink'] };

/** The centre of the first SpaceX highlight, in the viewport. */
const SPACEX_AT = `(() => {
  const r = [...CSS.highlights.get('rivalry-spacex')][0];
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  const b = range.getBoundingClientRect();
  return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
})()`;

type Look = { highlights: Record<string, string[]>; card: string | null };

const read = (dir: string, file: string) => readFileSync(join(ROOT, '.output', dir, file), 'utf8');

beforeAll(() => {
  // Both builds, from this tree: the checks below read their files.
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'pipe' });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'pipe' });
});

describe.each(['chrome-mv3', 'firefox-mv2'])('the build for %s', (dir) => {
  it('has no painter, card UI nor fuse.js in stage one; stage two has them', () => {
    const one = read(dir, 'content-scripts/content.js');
    for (const [name, markers] of Object.entries(MARKERS)) {
      const two = read(dir, `stage-two/${name}.js`);
      for (const m of markers) {
        expect(two, `${m} in stage-two/${name}.js`).toContain(m);
        expect(one, `${m} in content.js`).not.toContain(m);
      }
    }
  });

  it('leaves the settings schemas and valibot to the background', () => {
    // A message of a setting's schema, and valibot's run method.
    for (const m of ['must be a list of sites', '~run']) {
      expect(read(dir, 'background.js'), `${m} in background.js`).toContain(m);
      expect(read(dir, 'content-scripts/content.js'), `${m} in content.js`).not.toContain(m);
    }
  });

  it('has stage two in files that import nothing', () => {
    // Chromium resolves a module's imports against the fixed address, which `use_dynamic_url`
    // refuses: a file of stage two that imports another never loads.
    const files = readdirSync(join(ROOT, '.output', dir, 'stage-two')).sort();
    expect(files).toEqual(STAGE_TWO.map((f) => f.replace('stage-two/', '')).sort());
    for (const file of files) {
      const code = read(dir, `stage-two/${file}`);
      expect(code, file).not.toMatch(/\b(?:from|import)\s*\(?\s*["'`]\.{1,2}\//);
    }
  });

  it('declares stage two web-accessible', () => {
    const manifest = JSON.parse(read(dir, 'manifest.json'));
    for (const file of STAGE_TWO) expect(existsSync(join(ROOT, '.output', dir, file))).toBe(true);
    if (manifest.manifest_version === 2) {
      expect(manifest.web_accessible_resources).toContain('stage-two/*');
    } else {
      expect(manifest.web_accessible_resources).toContainEqual({
        resources: ['stage-two/*'],
        matches: ['http://*/*', 'https://*/*'],
        use_dynamic_url: true,
      });
    }
  });
});

describe('in Chromium', () => {
  let fixtures: FixtureServer;
  let strict: FixtureServer;
  let session: Session;

  beforeAll(async () => {
    fixtures = await serveFixtures();
    strict = await serveFixtures(STRICT);
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
    await fixtures?.close();
    await strict?.close();
    if (session) removeProfile(session.profileDir);
  });

  it('loads each part of stage two on a page with a strict policy', async () => {
    const tab = await session.context.newPage();
    await tab.goto(strict.url('/csp.html'));
    await expect
      .poll(async () => ((await tab.evaluate(LOOK)) as Look).highlights, { timeout: 10_000 })
      .toEqual(EXPECTED);
    const { x, y } = (await tab.evaluate(SPACEX_AT)) as { x: number; y: number };
    await tab.mouse.move(x, y, { steps: 3 });
    await expect
      .poll(async () => ((await tab.evaluate(LOOK)) as Look).card, { timeout: 5000 })
      .toBe('Rivalry Lens: SpaceX');
  });

  it('loads nothing of stage two on a page with no mention, until the page names one', async () => {
    const tab = await session.context.newPage();
    const loaded: string[] = [];
    tab.on('request', (r) => {
      if (r.url().includes('/stage-two/')) loaded.push(r.url().replace(/^.*\/stage-two\//, ''));
    });
    await tab.goto(fixtures.url('/no-mention.html'));
    // The component's shadow root is read, and the page is still watched a while after.
    await tab.waitForTimeout(1500);
    expect(loaded).toEqual([]);
    // The popup's question is answered by stage one: nothing here, and the site is on.
    const popup = await PopupPage.open(session, await tabIdOf(session, tab));
    await expect.poll(() => popup.message().getAttribute('data-state')).toBe('nothing');
    await popup.page.close();
    expect(loaded).toEqual([]);
    await tab.bringToFront();
    await tab.evaluate(() => (window as unknown as { __addName(): void }).__addName());
    await expect
      .poll(() => highlightsOf(tab), { timeout: 10_000 })
      .toEqual({ 'rivalry-spacex': 1 });
    expect(loaded).toContain('reader.js');
  });

  it('highlights a name in a part that the page stops hiding', async () => {
    const tab = await session.context.newPage();
    await tab.goto(fixtures.url('/no-mention.html'));
    await tab.waitForTimeout(1000);
    expect(await highlightsOf(tab)).toEqual({});
    await tab.evaluate(() => (window as unknown as { __showMore(): void }).__showMore());
    await expect
      .poll(() => highlightsOf(tab), { timeout: 10_000 })
      .toEqual({ 'rivalry-neuralink': 1 });
  });

  it('finds a misspelling on a page with no exact name, and the popup counts it', async () => {
    const tab = await session.context.newPage();
    await tab.goto(fixtures.url('/misspelling-only.html'));
    await expect
      .poll(() => highlightsOf(tab), { timeout: 10_000 })
      .toEqual({ 'rivalry-neuralink': 1 });
    const popup = await PopupPage.open(session, await tabIdOf(session, tab));
    expect(await popup.counts()).toEqual({ neuralink: 1 });
    expect(await popup.total()).toBe(1);
  });

  it('stage two cannot be probed for from a page at the extension’s own address', async () => {
    const tab = await session.context.newPage();
    await tab.goto(fixtures.url('/popup-plain.html'));
    const url = `chrome-extension://${session.extensionId}/${STAGE_TWO[0]}`;
    const fetched = await tab.evaluate(
      (u) =>
        fetch(u).then(
          (r) => r.ok,
          () => false,
        ),
      url,
    );
    expect(fetched).toBe(false);
  });
});

describe('in Firefox', () => {
  it('highlights a name that a page with none adds later', async () => {
    const fixtures = await serveFixtures();
    const browser = await launchFirefox(['--window-size=1100,800']);
    try {
      const page = await browser.newPage();
      await page.goto(fixtures.url('/no-mention.html'));
      // Its shadow root read and nothing found, the gate keeps watching.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await page.evaluate(readHighlights, AS_REGISTERED)).toEqual({});
      await page.evaluate(() => (window as unknown as { __addName(): void }).__addName());
      await until(
        async () =>
          expect(await page.evaluate(readHighlights, AS_REGISTERED)).toEqual({
            'rivalry-spacex': ['SpaceX'],
          }),
        10_000,
      );
    } finally {
      await browser.close();
      await fixtures.close();
    }
  });

  it('loads each part of stage two on a page with a strict policy', async () => {
    const strict = await serveFixtures(STRICT);
    const browser = await launchFirefox(['--window-size=1100,800']);
    try {
      const page = await browser.newPage();
      await page.goto(strict.url('/csp.html'));
      await until(
        async () => expect(((await page.evaluate(LOOK)) as Look).highlights).toEqual(EXPECTED),
        10_000,
      );
      const { x, y } = (await page.evaluate(SPACEX_AT)) as { x: number; y: number };
      await page.mouse.move(x, y, { steps: 3 });
      await until(async () =>
        expect(((await page.evaluate(LOOK)) as Look).card).toBe('Rivalry Lens: SpaceX'),
      );
    } finally {
      await browser.close();
      await strict.close();
    }
  });
});
