/**
 * The popup, badge, options page and settings in Debian's Chromium, with the built extension
 * and pages served from 127.0.0.1 (issue 4, "How it is judged").
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dataset } from '../../core/rivalry-data';
import { card, type FixtureServer, SHOTS, serveFixtures } from './harness';
import {
  badgeOf,
  highlightsOf,
  launch,
  PopupPage,
  readToEnd,
  removeProfile,
  type Session,
  tabIdOf,
} from './popup-harness';

/** The extension API as code evaluated in the service worker or an extension page sees it. */
declare const chrome: typeof import('wxt/browser').browser;

/** What `tests/fixtures/popup-article.html` mentions. */
const EXPECTED = { openai: 2, spacex: 1, 'stoke-space': 1, neuralink: 1 };
const EXPECTED_TOTAL = 5;
const ARTICLE = '/popup-article.html';

let fixtures: FixtureServer;
let session: Session | undefined;
const profiles: string[] = [];

async function start(profileDir?: string) {
  session = await launch(profileDir);
  if (!profileDir) profiles.push(session.profileDir);
  return session;
}

async function openArticle(s: Session, path = ARTICLE) {
  const tab = await s.context.newPage();
  await tab.goto(fixtures.url(path));
  await expect.poll(() => highlightsOf(tab), { timeout: 10_000 }).not.toEqual({});
  await readToEnd(s.worker, await tabIdOf(s, tab), 10_000);
  return tab;
}

beforeAll(async () => {
  fixtures = await serveFixtures();
  console.log(`screenshots: ${SHOTS}`);
});
afterEach(async () => {
  await session?.close();
  session = undefined;
});
afterAll(async () => {
  await fixtures.close();
  for (const dir of profiles) removeProfile(dir);
});

describe('popup of a real tab', () => {
  it('shows the right counts, and the badge shows the same number', async () => {
    const s = await start();
    const tab = await openArticle(s);
    const tabId = await tabIdOf(s, tab);
    const popup = await PopupPage.open(s, tabId);
    expect(await popup.counts()).toEqual(EXPECTED);
    const total = await popup.total();
    expect(total).toBe(EXPECTED_TOTAL);
    await expect.poll(() => badgeOf(s, tabId)).toBe(String(total));
  });

  it('badge and popup follow the page as it changes; the badge clears on navigation', async () => {
    const s = await start();
    const tab = await openArticle(s);
    const tabId = await tabIdOf(s, tab);
    const popup = await PopupPage.open(s, tabId);
    expect(await popup.total()).toBe(EXPECTED_TOTAL);
    await tab.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later that week xAI answered.';
      document.querySelector('main')?.append(p);
    });
    await expect.poll(() => badgeOf(s, tabId), { timeout: 5000 }).toBe(String(EXPECTED_TOTAL + 1));
    await expect.poll(() => popup.total(), { timeout: 5000 }).toBe(EXPECTED_TOTAL + 1);
    expect((await popup.counts()).xai).toBe(1);
    await tab.goto(fixtures.url('/popup-plain.html'));
    await expect.poll(() => badgeOf(s, tabId)).toBe('');
  });

  it('says so on a page the browser does not let extensions read', async () => {
    const s = await start();
    const tab = await s.context.newPage();
    await tab.goto('chrome://version');
    const popup = await PopupPage.open(s, await tabIdOf(s, tab));
    await expect.poll(() => popup.message().textContent()).toMatch(/can’t be read/);
    expect(await popup.siteSwitch().isDisabled()).toBe(true);
  });

  it('clicking an entity scrolls to its mention and opens its card', async () => {
    const s = await start();
    const tab = await openArticle(s);
    const tabId = await tabIdOf(s, tab);
    expect(await tab.evaluate(() => window.scrollY)).toBe(0);
    const popup = await PopupPage.open(s, tabId);
    await popup.entity('neuralink').click();
    // The page scrolls smoothly; 4,000 pixels take a moment.
    await expect
      .poll(
        () =>
          tab.evaluate(() => {
            const far = document.getElementById('far')?.getBoundingClientRect();
            return !!far && far.top >= 0 && far.bottom <= window.innerHeight;
          }),
        { timeout: 5000 },
      )
      .toBe(true);
    // The card is Rivalry Lens's one element on the page, open in the top layer.
    await expect.poll(async () => (await card(tab))?.text ?? '').toMatch(/Neuralink/);
  });
  it('works with the keyboard: Tab reaches the list, arrows move, Enter reveals', async () => {
    const s = await start();
    const tab = await openArticle(s);
    const popup = await PopupPage.open(s, await tabIdOf(s, tab));
    await popup.counts();
    const focused = () =>
      popup.page.evaluate(() => document.activeElement?.getAttribute('data-entity') ?? null);
    // Site switch, pause switch, then the first entity.
    for (let i = 0; i < 3; i++) await popup.page.keyboard.press('Tab');
    expect(await focused()).toBe('openai');
    // The most mentioned first, then by name: OpenAI, Neuralink, SpaceX, Stoke Space.
    await popup.page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('neuralink');
    await popup.page.keyboard.press('Enter');
    await expect
      .poll(() => tab.evaluate(() => window.scrollY), { timeout: 5000 })
      .toBeGreaterThan(1000);
  });
});

describe('the popup at 360×600', () => {
  /** What `tests/fixtures/all-entities.html` mentions, the most mentioned first. */
  const ALL = {
    neuralink: 5,
    openai: 3,
    'elon-musk': 2,
    'sam-altman': 2,
    spacex: 1,
    'stoke-space': 1,
    'x-twitter': 1,
    xai: 1,
  };

  for (const scheme of ['light', 'dark'] as const) {
    it(`lists all eight entities with no inner scrolling, the most mentioned first (${scheme})`, async () => {
      const s = await start();
      const tab = await openArticle(s, '/all-entities.html');
      const popup = await PopupPage.open(s, await tabIdOf(s, tab));
      await popup.page.setViewportSize({ width: 360, height: 600 });
      await popup.page.emulateMedia({ colorScheme: scheme });
      expect(await popup.counts()).toEqual(ALL);
      const order = await popup.page
        .locator('button.entity')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entity')));
      expect(order[0]).toBe('neuralink');
      expect(order).toEqual(Object.keys(ALL));
      // The shortcut hint is in the footer too (Chromium leaves the key unset for an unpacked
      // extension), so this measures the popup as a reader first sees it.
      await popup.page.locator('.shortcut-hint[data-state]').waitFor();
      expect(await popup.overflow()).toEqual([]);
      // Each snippet whole, the name marked in it.
      const marks = await popup.page
        .locator('button.entity .context mark')
        .evaluateAll((m) => m.map((e) => e.textContent));
      expect(marks).toContain('Stoke Space');
      expect(marks).toHaveLength(8);
      await popup.page.screenshot({ path: join(SHOTS, `popup-all-${scheme}.png`) });
    });
  }

  it('says how old the data is, and its folds open the wider landscape and cards', async () => {
    const s = await start();
    const tab = await openArticle(s, '/all-entities.html');
    const popup = await PopupPage.open(s, await tabIdOf(s, tab));
    const { page } = popup;
    await page.setViewportSize({ width: 360, height: 600 });
    await page.locator('.shortcut-hint[data-state]').waitFor();
    await expect
      .poll(() => page.locator('.data-age').textContent())
      // The date in the browser's English: "1 Jun 2025" (en-GB) or "Jun 1, 2025" (en-US).
      .toMatch(
        /^Data as of (\d{1,2} [A-Z][a-z]{2} \d{4}|[A-Z][a-z]{2} \d{1,2}, \d{4}) · (today|\d+ (days?|months?|years?) ago)$/,
      );
    // Both folds closed: every entity in view, nothing scrolls.
    expect(await page.locator('details.fold[open]').count()).toBe(0);
    await page.screenshot({ path: '/tmp/landscape-popup-closed.png' });
    expect(await popup.overflow()).toEqual([]);

    await page.getByText('Wider landscape', { exact: true }).click();
    const facts = page.getByRole('list', { name: /^About the industry/ }).locator('li');
    await expect.poll(() => facts.count()).toBe(dataset.landscape?.length ?? 0);
    // Each fact names its source, linked to the address the dataset gives it.
    for (const fact of dataset.landscape ?? []) {
      const li = facts.filter({ hasText: fact.text });
      expect(await li.count(), fact.text).toBe(1);
      expect(await li.locator('.source').count(), fact.text).toBe(1);
      const url = dataset.sources.find((x) => x.id === fact.source)?.url;
      if (url) expect(await li.locator('a').getAttribute('href')).toBe(url);
    }
    // The open fold rises over the list, inside the popup, and scrolls within itself.
    const fold = await page.locator('details.landscape-fold .fold-content').boundingBox();
    expect(fold?.y).toBeGreaterThanOrEqual(0);
    expect(fold && fold.y + fold.height).toBeLessThanOrEqual(600);
    expect(await page.evaluate(() => document.scrollingElement?.scrollHeight)).toBe(600);
    await page.screenshot({ path: '/tmp/landscape-popup.png' });

    await page.getByRole('button', { name: 'Meta', exact: true }).click();
    const card = page.getByRole('region', { name: 'Meta: card' });
    await expect.poll(() => card.getByRole('heading', { level: 2 }).textContent()).toBe('Meta');
    await card.getByRole('button', { name: 'More' }).click();
    await page.screenshot({ path: '/tmp/landscape-popup-card.png' });
    await card.getByRole('button', { name: 'Back to Wider landscape' }).click();
    await expect.poll(() => facts.count()).toBe(dataset.landscape?.length ?? 0);

    // One fold at a time: opening the map closes the landscape.
    await page.getByText('Rivalry map', { exact: true }).click();
    await expect.poll(() => page.locator('details.landscape-fold[open]').count()).toBe(0);
    await page.getByRole('button', { name: 'xAI: show its card' }).hover();
    await page.screenshot({ path: '/tmp/landscape-popup-map-open.png' });
    // From the keyboard: the map's names are buttons in the tab order.
    const node = page.getByRole('button', { name: 'xAI: show its card' });
    await node.focus();
    await page.keyboard.press('Enter');

    const xai = page.getByRole('region', { name: 'xAI: card' });
    await expect.poll(() => xai.getByRole('heading', { level: 2 }).textContent()).toBe('xAI');
    const back = xai.getByRole('button', { name: 'Back to Rivalry map' });
    await expect.poll(() => back.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.screenshot({ path: '/tmp/landscape-popup-map.png' });
    await page.keyboard.press('Enter');
    await expect.poll(() => node.evaluate((n) => n === document.activeElement)).toBe(true);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await page.screenshot({ path: '/tmp/landscape-popup-map-dark.png' });
  });

  it('revealing a mention says which of the entity’s mentions it is', async () => {
    const s = await start();
    const tab = await openArticle(s);
    const popup = await PopupPage.open(s, await tabIdOf(s, tab));
    await popup.entity('openai').click();
    await expect.poll(() => popup.status().textContent()).toBe('Showing 1 of 2 mentions of OpenAI');
    await popup.entity('openai').click();
    await expect.poll(() => popup.status().textContent()).toBe('Showing 2 of 2 mentions of OpenAI');
    // Opened as a tab of its own, the popup stays open to say so.
    expect(popup.page.isClosed()).toBe(false);
  });

  it('while paused, the site switch shows paused, and the shortcut hint says where to set it', async () => {
    const s = await start();
    const tab = await openArticle(s);
    const popup = await PopupPage.open(s, await tabIdOf(s, tab));
    await popup.page.setViewportSize({ width: 360, height: 600 });
    await expect.poll(() => popup.siteSwitch().isChecked()).toBe(true);
    expect(await popup.siteSwitch().getAttribute('aria-label')).toBeNull();
    await expect
      .poll(() => popup.page.locator('.switch').first().textContent())
      .toBe('Highlight on 127.0.0.1: on');
    await popup.pauseSwitch().click();
    await expect
      .poll(() => popup.page.locator('.switch').first().textContent())
      .toBe('Highlight on 127.0.0.1: paused');
    expect(await popup.siteSwitch().isChecked()).toBe(false);
    expect(await popup.pauseSwitch().isChecked()).toBe(true);
    await expect.poll(() => popup.message().textContent()).toMatch(/Paused everywhere/);
    const hint = popup.page.locator('.shortcut-hint');
    await expect.poll(() => hint.textContent()).toMatch(/Next mention: no shortcut set/);
    await popup.page.screenshot({ path: join(SHOTS, 'popup-paused.png') });
    // "Set one" opens Chromium's shortcut settings in a tab.
    const opened = s.context.waitForEvent('page');
    await hint.getByRole('button', { name: 'Set one' }).click();
    await expect.poll(async () => (await opened).url()).toBe('chrome://extensions/shortcuts');
  });
});

describe('the site switch', () => {
  it('clears highlights in two open tabs of the site within half a second; on restores them', async () => {
    const s = await start();
    const first = await openArticle(s, ARTICLE);
    const second = await openArticle(s, `${ARTICLE}?second`);
    const before = [await highlightsOf(first), await highlightsOf(second)];
    const firstId = await tabIdOf(s, first);
    const popup = await PopupPage.open(s, firstId);
    await expect.poll(() => popup.siteSwitch().isChecked()).toBe(true);

    // The delay is measured inside the browser, from the click on the switch in the popup to
    // a 5 ms poll in each tab seeing the last highlight gone (one wall clock for all pages), so
    // the test's own round trips to the browser do not count.
    type Timed = { clearedAt: Promise<number>; clickedAt: number };
    for (const tab of [first, second]) {
      await tab.evaluate(() => {
        (window as unknown as Timed).clearedAt = new Promise<number>((done) => {
          const look = () => {
            if ([...CSS.highlights.keys()].some((name) => name.startsWith('rivalry-'))) {
              setTimeout(look, 5);
            } else done(Date.now());
          };
          look();
        });
      });
    }
    await popup.page.evaluate(() => {
      document.addEventListener(
        'click',
        () => {
          (window as unknown as Timed).clickedAt = Date.now();
        },
        { capture: true, once: true },
      );
    });
    await popup.siteSwitch().click();
    const ends = await Promise.all(
      [first, second].map((tab) => tab.evaluate(() => (window as unknown as Timed).clearedAt)),
    );
    const clickedAt = await popup.page.evaluate(() => (window as unknown as Timed).clickedAt);
    expect(clickedAt).toBeGreaterThan(0);
    expect(Math.max(...ends) - clickedAt).toBeLessThan(500);
    // The count gives way to a badge that says the site is off.
    await expect.poll(() => badgeOf(s, firstId)).toBe('off');

    await popup.siteSwitch().click();
    await expect.poll(() => highlightsOf(first)).toEqual(before[0]);
    await expect.poll(() => highlightsOf(second)).toEqual(before[1]);
  });

  it('the choice survives closing and reopening the browser profile', async () => {
    const s = await start();
    const tab = await openArticle(s);
    const popup = await PopupPage.open(s, await tabIdOf(s, tab));
    await expect.poll(() => popup.siteSwitch().isChecked()).toBe(true);
    await popup.siteSwitch().click();
    await expect.poll(() => popup.siteSwitch().isChecked()).toBe(false);
    const dir = s.profileDir;
    await s.close();

    const again = await start(dir);
    const reopened = await again.context.newPage();
    await reopened.goto(fixtures.url(ARTICLE));
    const popup2 = await PopupPage.open(again, await tabIdOf(again, reopened));
    await expect.poll(() => popup2.message().textContent()).toMatch(/Off on 127\.0\.0\.1/);
    expect(await popup2.siteSwitch().isChecked()).toBe(false);
    expect(await highlightsOf(reopened)).toEqual({});
    // And the extension does work in this profile: on again, the page is highlighted.
    await popup2.siteSwitch().click();
    await expect.poll(() => highlightsOf(reopened), { timeout: 5000 }).not.toEqual({});
  });
});

describe('settings', () => {
  it('a corrupt stored value is repaired without losing the rest', async () => {
    const s = await start();
    await s.worker.evaluate(() =>
      chrome.storage.sync.set({
        disabledSites: ['keep.example'],
        disabledSites$: { v: 2 },
        dwellMs: 700,
        highlightStyle: { corrupt: true },
      }),
    );
    // The background resets the corrupt value as it lands…
    await expect
      .poll(() => s.worker.evaluate(() => chrome.storage.sync.get(null)))
      .toEqual({ disabledSites: ['keep.example'], disabledSites$: { v: 2 }, dwellMs: 700 });
    // …the options page says so, and shows the rest as it was.
    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    const notice = options.getByRole('alert').filter({ hasText: 'Some settings were reset' });
    await expect.poll(() => notice.textContent()).toMatch(/Highlight style held a value/);
    expect(await options.getByText('keep.example', { exact: true }).count()).toBe(1);
    expect(await options.getByRole('slider').inputValue()).toBe('700');
    expect(await options.getByRole('radio', { name: 'Fill' }).isChecked()).toBe(true);
    // And where the shortcut is unset (always, for an unpacked extension), it says so.
    await expect
      .poll(() => options.locator('.shortcut-hint').textContent())
      .toMatch(/Next mention: no shortcut set/);
    await options.screenshot({ path: join(SHOTS, 'options.png') });
  });
});
