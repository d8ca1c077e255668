/**
 * The fallback for browsers without the Highlight API, tested in Chromium with a test build
 * (`wxt build --mode fallback`) that paints with `<rivalry-mark>` elements even though the API
 * is there. Chromium gives us what the fallback is for: real layout, real pointer and a real
 * extension; only the painting differs.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  card,
  foreignRequests,
  highlights,
  open,
  setStorage,
  until,
  withExtension,
} from './harness';

const env = withExtension({ mode: 'fallback' });
let page: Page;

beforeAll(async () => {
  page = await open(env.browser, env.server.url('/split.html'));
});

const marks = () =>
  page.evaluate(() =>
    [...document.querySelectorAll('rivalry-mark')].map(
      (m) => `${(m as HTMLElement).dataset.entity}:${m.textContent}`,
    ),
  );

describe('fallback mode: <rivalry-mark> elements', () => {
  let original = '';

  it('wraps each mention (each piece of a split one) and registers no highlight', async () => {
    original = await page.evaluate(() => document.body.textContent ?? '');
    await until(async () =>
      expect(await marks()).toEqual([
        'sam-altman:Sam Altman',
        'stoke-space:Stoke ',
        'stoke-space:Space',
        'neuralink:Neura',
        'neuralink:link',
        'openai:Open',
        'openai:AI',
        'stoke-space:Stoke',
        'stoke-space:Space',
        'elon-musk:Elon\n      Musk',
        'spacex:Space',
        'spacex:X',
        'spacex:SpaceX',
        'openai:OpenAI',
      ]),
    );
    expect(await highlights(page)).toEqual({});
    // The text reads the same.
    expect(await page.evaluate(() => document.body.textContent)).toBe(original);
  });

  it('opens the card on hover over a mark', async () => {
    const box = await page.evaluate(() => {
      const r = document
        .querySelector('rivalry-mark[data-entity="neuralink"]')
        ?.getBoundingClientRect();
      return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    });
    if (!box) throw new Error('no mark');
    await page.mouse.move(box.x, box.y, { steps: 3 });
    await until(async () => expect((await card(page))?.label).toBe('Rivalry Lens: Neuralink'));
    await page.keyboard.press('Escape');
    expect(await card(page)).toBeNull();
  });

  it('unwraps everything, restoring the same text nodes, when turned off; wraps again when on', async () => {
    await setStorage(env.browser.worker, 'sync', { disabledSites: ['127.0.0.1'] });
    await until(async () => expect(await marks()).toEqual([]));
    const restored = await page.evaluate(() => {
      const p2 = document.querySelector('#p2') as HTMLElement;
      // One text node per place, as the parser made them: no split pieces left behind.
      return {
        html: p2.innerHTML,
        nodes: p2.childNodes.length,
        lens: document.querySelector('rivalry-lens') === null,
      };
    });
    expect(restored).toEqual({
      html: 'A post about Neura<b>link</b> implants and the trial participants.',
      nodes: 3,
      lens: true,
    });
    expect(await page.evaluate(() => document.body.textContent)).toBe(original);
    // The whole body is as the parser left it (recorded by the page at DOMContentLoaded).
    expect(
      await page.evaluate(
        () =>
          document.body.innerHTML === (window as unknown as { __parsedHtml: string }).__parsedHtml,
      ),
    ).toBe(true);
    await setStorage(env.browser.worker, 'sync', { disabledSites: [] });
    await until(async () => expect((await marks()).length).toBe(14));
  });

  it('caused no page or console error and sent nothing beyond 127.0.0.1', () => {
    expect(foreignRequests(env.browser.requests)).toEqual([]);
    expect(env.browser.errors).toEqual([]);
  });
});
