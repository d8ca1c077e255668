/**
 * The popup, the options page and the card in German and Japanese (and French and Spanish), in
 * Debian's Chromium started in that language (`LANGUAGE`, as a reader's desktop sets it): the
 * browser's interface language is the extension's, the words are translated, and nothing is
 * wider than a 360 px window (issue 18, "How it is judged"). Screenshots go to /tmp to be looked at.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  card,
  extensionArgs,
  extensionDir,
  type FixtureServer,
  mentionRect,
  serveFixtures,
  until,
} from './harness';
import { readToEnd, tabIdOf } from './popup-harness';

/** The extension API as code evaluated in the service worker or an extension page sees it. */
declare const chrome: typeof import('wxt/browser').browser;

const WIDTH = 360;

/** Words each language must show: the popup's total, links and map, the options page's title. */
const LANGUAGES = {
  de: {
    total: /^\d+ Erwähnungen von 8 Namen$/,
    options: 'Einstellungen',
    mapFold: 'Rivalitätskarte',
    optionsTitle: 'Einstellungen von Rivalry Lens',
    mapFront: 'Gehirn-Computer-Schnittstellen',
    cardLabel: 'Rivalry Lens: Stoke Space',
    cardWords: ['Unternehmen', 'Raumfahrt — gegen SpaceX', 'Datenstand:', 'Nicht das', 'Mehr'],
  },
  fr: {
    total: /^\d+ mentions de 8 noms$/,
    options: 'Options',
    mapFold: 'Carte des rivalités',
    optionsTitle: 'Options de Rivalry Lens',
    mapFront: 'Interfaces cerveau-machine',
    cardLabel: 'Rivalry Lens : Stoke Space',
    cardWords: ['entreprise', 'Espace — contre SpaceX', 'Données :', 'Pas ça', 'Plus'],
  },
  es: {
    total: /^\d+ menciones de 8 nombres$/,
    options: 'Opciones',
    mapFold: 'Mapa de rivalidades',
    optionsTitle: 'Opciones de Rivalry Lens',
    mapFront: 'Interfaces cerebro-ordenador',
    cardLabel: 'Rivalry Lens: Stoke Space',
    cardWords: ['empresa', 'Espacio — contra SpaceX', 'Datos:', 'No es esto', 'Más'],
  },
  ja: {
    total: /^言及 \d+ 件（名前 8 件）$/,
    options: 'オプション',
    mapFold: '対立マップ',
    optionsTitle: 'Rivalry Lens の設定',
    mapFront: 'ブレイン・コンピューター・インターフェース',
    cardLabel: 'Rivalry Lens：Stoke Space',
    cardWords: ['企業', '宇宙 — 対 SpaceX', '時点のデータ', 'これではない', '詳しく'],
  },
} as const;

let fixtures: FixtureServer;

beforeAll(async () => {
  fixtures = await serveFixtures();
});
afterAll(() => fixtures?.close());

interface Session {
  context: BrowserContext;
  worker: Worker;
  id: string;
  close(): Promise<void>;
}

/** Chromium with the built extension, its interface in `lang`. */
async function launchIn(lang: string): Promise<Session> {
  const dir = extensionDir();
  const profile = mkdtempSync(join(tmpdir(), `rl-locale-${lang}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    env: { ...process.env, LANGUAGE: lang },
    args: extensionArgs(dir),
  });
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker'));
  return {
    context,
    worker,
    id: new URL(worker.url()).host,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The all-entities fixture, read to the end, and its tab's id. */
async function openArticle(s: Session): Promise<{ tab: Page; id: number }> {
  const tab = await s.context.newPage();
  await tab.goto(fixtures.url('/all-entities.html'));
  const id = await tabIdOf(s, tab);
  await readToEnd(s.worker, id, 15_000);
  return { tab, id };
}

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);
const uiLanguage = (page: Page) => page.evaluate(() => chrome.i18n.getUILanguage());

describe.each(Object.entries(LANGUAGES))('in %s', (lang, words) => {
  let s: Session;
  beforeAll(async () => {
    s = await launchIn(lang);
  });
  afterAll(() => s?.close());

  it('the popup speaks it and fits 360 px, closed and with the map open', async () => {
    const { id: tabId } = await openArticle(s);
    const page = await s.context.newPage();
    await page.setViewportSize({ width: WIDTH, height: 600 });
    await page.goto(`chrome-extension://${s.id}/popup.html?tab=${tabId}`);
    expect(await uiLanguage(page)).toMatch(new RegExp(`^${lang}`));
    await expect
      .poll(() => page.locator('#summary-total').textContent(), { timeout: 10_000 })
      .toMatch(words.total);
    await page.locator('.shortcut-hint[data-state]').waitFor();
    expect(await page.getByRole('button', { name: words.options }).count()).toBe(1);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: `/tmp/locales-popup-${lang}.png` });

    await page.locator('summary', { hasText: words.mapFold }).click();
    await page.locator('details.fold[open] svg.rivalry-map').waitFor();
    // The map's legend names the fronts in this language too.
    expect(await page.locator('.map-legend').textContent()).toContain(words.mapFront);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: `/tmp/locales-popup-map-${lang}.png` });
  });

  it('the options page speaks it and fits 360 px', async () => {
    const page = await s.context.newPage();
    await page.setViewportSize({ width: WIDTH, height: 800 });
    await page.goto(`chrome-extension://${s.id}/options.html`);
    expect(await uiLanguage(page)).toMatch(new RegExp(`^${lang}`));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 })
      .toBe(words.optionsTitle);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: `/tmp/locales-options-${lang}.png`, fullPage: true });
  });

  it('the card speaks it around the data’s English, within a 360 px window', async () => {
    const { tab } = await openArticle(s);
    await tab.setViewportSize({ width: WIDTH, height: 640 });
    const { x, y } = await mentionRect(tab, 'rivalry-stoke-space');
    await tab.mouse.move(x, y, { steps: 4 });
    const open = await until(async () => {
      const c = await card(tab);
      expect(c).not.toBeNull();
      return c as NonNullable<typeof c>;
    });
    expect(open.label).toBe(words.cardLabel);
    for (const word of words.cardWords) expect(open.text).toContain(word);
    // The dataset's own text stays English.
    expect(open.text).toContain('Stoke Space');
    expect(open.rect.right).toBeLessThanOrEqual(WIDTH);
    expect(await scrollWidth(tab)).toBeLessThanOrEqual(WIDTH);
    // The card fades in: photographed once it is there, not halfway.
    await tab.evaluate(() =>
      Promise.all(
        (document.querySelector('rivalry-lens')?.shadowRoot?.getAnimations() ?? []).map(
          (animation) => animation.finished,
        ),
      ),
    );
    await tab.screenshot({ path: `/tmp/locales-card-${lang}.png` });
  });
});
