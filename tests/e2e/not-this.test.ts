/**
 * "Not this" as a reader uses it, with the real mouse: on an uppercase "XAI" (as in explainable
 * AI) it hides that wording only, never the company "xAI"; on this page by default, on the whole
 * site when chosen; and Undo brings it back.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { card, mentionRect, open, SHOTS, until, withExtension } from './harness';

const env = withExtension();
let page: Page;
let other: Page;

/** The texts of the xAI highlight's ranges on a page, in document order. */
function xaiTexts(p: Page) {
  return p.evaluate(() => {
    const hl = (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get('rivalry-xai');
    return [...(hl ?? [])]
      .map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      })
      .sort();
  });
}

function stored() {
  return env.browser.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    return ((await c.storage.local.get('dismissals')).dismissals as unknown[] | undefined) ?? [];
  });
}

/** A button of the card, clicked with the real mouse (Playwright's locators see into open shadow roots). */
async function press(p: Page, name: string) {
  await p.locator('rivalry-lens').getByRole('button', { name, exact: true }).click();
}

/** Rests the real mouse on the uppercase "XAI" until its card is open. */
async function openAcronymCard(p: Page) {
  await p.mouse.move(5, 700);
  const { x, y } = await mentionRect(p, 'rivalry-xai', 'XAI');
  await p.mouse.move(x, y, { steps: 4 });
  await until(async () => expect((await card(p))?.label).toBe('Rivalry Lens: xAI'));
}

async function shot(p: Page, name: string) {
  await p.waitForTimeout(250);
  await p.screenshot({ path: join(SHOTS, name) });
}

beforeAll(async () => {
  page = await open(env.browser, env.server.url('/not-this.html'));
  await page.setViewportSize({ width: 1280, height: 720 });
  other = await open(env.browser, env.server.url('/not-this-other.html'));
  // The matcher takes the uppercase acronym for the company here (a model, no "explainable").
  await until(async () => expect(await xaiTexts(page)).toEqual(['XAI', 'xAI']));
  await until(async () => expect(await xaiTexts(other)).toEqual(['XAI', 'xAI']));
  await page.bringToFront();
  console.log(`screenshots: ${SHOTS}`);
});

describe('"Not this" on "XAI"', () => {
  it('hides that wording on this page by default, keeps "xAI", and Undo restores it', async () => {
    await openAcronymCard(page);
    await shot(page, 'not-this-1-card.png');
    await press(page, 'Not this');
    await shot(page, 'not-this-2-choose.png');
    await press(page, 'On this page');
    await until(async () => expect(await xaiTexts(page)).toEqual(['xAI']));
    expect((await card(page))?.text).toContain('Hidden on this page.');
    await shot(page, 'not-this-3-undo.png');
    await until(async () =>
      expect(await stored()).toEqual([
        { site: '127.0.0.1', entity: 'xai', text: 'XAI', page: '/not-this.html' },
      ]),
    );
    // Another page of the site keeps both.
    await other.waitForTimeout(300);
    expect(await xaiTexts(other)).toEqual(['XAI', 'xAI']);

    await press(page, 'Undo');
    await until(async () => expect(await xaiTexts(page)).toEqual(['XAI', 'xAI']));
    await until(async () => expect(await stored()).toEqual([]));
    // Stored undone, it stays undone after a reload.
    await page.reload();
    await until(async () => expect(await xaiTexts(page)).toEqual(['XAI', 'xAI']));
  });

  it('on this site hides it on the other page too, still never "xAI"', async () => {
    await openAcronymCard(page);
    await press(page, 'Not this');
    await press(page, 'On this site');
    await until(async () => expect(await xaiTexts(page)).toEqual(['xAI']));
    expect((await card(page))?.text).toContain('Hidden on this site.');
    await until(async () => expect(await xaiTexts(other)).toEqual(['xAI']));
    await until(async () =>
      expect(await stored()).toEqual([{ site: '127.0.0.1', entity: 'xai', text: 'XAI' }]),
    );
    // The card goes once its undo has had its time.
    await until(async () => expect(await card(page)).toBeNull(), 9000);
  });

  it('at 400×800 the compact card and each step of Not this fit without scrolling', async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    await page.reload();
    await until(async () => expect(await xaiTexts(page)).toEqual(['xAI']));
    await page.mouse.move(5, 790);
    const { x, y } = await mentionRect(page, 'rivalry-xai', 'xAI');
    await page.mouse.move(x, y, { steps: 4 });
    await until(async () => expect((await card(page))?.label).toBe('Rivalry Lens: xAI'));
    const fits = () =>
      page.evaluate(() => {
        const el = document.querySelector('rivalry-lens')?.shadowRoot?.querySelector('.card');
        return el ? el.scrollHeight <= el.clientHeight : false;
      });
    expect(await fits()).toBe(true);
    await shot(page, 'not-this-6-narrow.png');
    await press(page, 'Not this');
    expect(await fits()).toBe(true);
    await shot(page, 'not-this-7-narrow-choose.png');
    await press(page, 'Cancel');
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('works from the keyboard: Enter on Not this, the page choice focused, Undo next', async () => {
    await page.reload();
    await until(async () => expect(await xaiTexts(page)).toEqual(['xAI']));
    await page.mouse.move(5, 700);
    const { x, y } = await mentionRect(page, 'rivalry-xai', 'xAI');
    await page.mouse.move(x, y, { steps: 4 });
    await until(async () => expect((await card(page))?.label).toBe('Rivalry Lens: xAI'));
    const focused = () =>
      page.evaluate(
        () => document.querySelector('rivalry-lens')?.shadowRoot?.activeElement?.textContent,
      );
    await page.locator('rivalry-lens').getByRole('button', { name: 'More' }).focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Not this');
    await page.keyboard.press('Enter');
    await until(async () => expect(await focused()).toBe('On this page'));
    await shot(page, 'not-this-9-keyboard.png');
    await page.keyboard.press('Enter');
    await until(async () => expect(await focused()).toBe('Undo'));
    await page.keyboard.press('Enter');
    await until(async () => expect(await focused()).toBe('Not this'));
  });

  it('looks right in dark mode too', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await until(async () => expect(await xaiTexts(page)).toEqual(['xAI']));
    await page.mouse.move(5, 700);
    const { x, y } = await mentionRect(page, 'rivalry-xai', 'xAI');
    await page.mouse.move(x, y, { steps: 4 });
    await until(async () => expect((await card(page))?.label).toBe('Rivalry Lens: xAI'));
    await shot(page, 'not-this-4-dark.png');
    await press(page, 'More');
    await shot(page, 'not-this-5-dark-more.png');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('is listed on the options page in plain words, and removed there', async () => {
    const id = new URL(env.browser.worker.url()).host;
    const options = await env.browser.context.newPage();
    await options.setViewportSize({ width: 1100, height: 800 });
    await options.goto(`chrome-extension://${id}/options.html`);
    const row = options.getByText('“XAI” is not xAI — on this site (127.0.0.1)');
    await row.waitFor();
    await row.scrollIntoViewIfNeeded();
    await shot(options, 'not-this-8-options.png');
    await options
      .getByRole('button', { name: 'Highlight “XAI” as xAI on 127.0.0.1 again' })
      .click();
    await until(async () => expect(await stored()).toEqual([]));
    await until(async () => expect(await xaiTexts(other)).toEqual(['XAI', 'xAI']));
    await options.close();
  });
});
