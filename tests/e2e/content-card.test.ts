/**
 * Hover cards with the real mouse, the keyboard command, and the switches that turn the lens off
 * and on in place, in Chromium with the built extension.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { UNDO_MS } from '../../components/Card';
import {
  card,
  foreignRequests,
  highlights,
  mentionRect,
  mutations,
  open,
  SHOTS,
  sendToTabs,
  setStorage,
  until,
  withExtension,
} from './harness';

const env = withExtension();
let page: Page;

beforeAll(async () => {
  page = await open(env.browser, env.server.url('/card.html'));
  await until(async () => expect(Object.keys(await highlights(page))).toHaveLength(7));
  console.log(`screenshots: ${SHOTS}`);
});

/** Moves the real mouse onto a mention and leaves it there. */
async function hover(name: string, text?: string) {
  const { x, y } = await mentionRect(page, name, text);
  await page.mouse.move(x, y, { steps: 4 });
}

async function moveAway() {
  await page.mouse.move(5, 790, { steps: 4 });
}

/** A screenshot once the card's fade-in is over. */
async function shot(name: string) {
  await page.waitForTimeout(250);
  // caret: 'initial', or Playwright itself sets a style attribute on the page's input.
  await page.screenshot({ path: join(SHOTS, name), caret: 'initial' });
}

async function closed() {
  await until(async () => expect(await card(page)).toBeNull(), 2000);
}

describe('hover card', () => {
  it('opens nothing for a pointer passing by', async () => {
    await moveAway();
    await hover('rivalry-sam-altman');
    await page.waitForTimeout(60);
    await moveAway();
    await page.waitForTimeout(600);
    expect(await card(page)).toBeNull();
    // Nothing was needed yet, so nothing was added to the page.
    expect(await page.evaluate(() => document.querySelector('rivalry-lens'))).toBeNull();
  });

  it('opens after a short dwell, beside the mention, with the dataset content', async () => {
    await hover('rivalry-sam-altman');
    expect(await card(page)).toBeNull(); // not at once
    const c = await until(async () => {
      const open = await card(page);
      expect(open).not.toBeNull();
      return open as NonNullable<typeof open>;
    });
    expect(c.label).toBe('Rivalry Lens: Sam Altman');
    expect(c.text).toContain('Sam Altman');
    // Compact: a line per front and the data's date; the facts wait behind More.
    expect(c.text).toContain('AI — vs Elon Musk');
    expect(c.text).toContain('Data as of');
    expect(c.text).toContain('More');
    expect(c.focused).toBe(false); // hovering does not steal focus
    const m = await mentionRect(page, 'rivalry-sam-altman');
    // Beside the mention (just below it here), inside the viewport.
    expect(c.rect.top).toBeGreaterThan(m.y);
    expect(c.rect.top - m.y).toBeLessThan(40);
    expect(c.rect.left).toBeGreaterThanOrEqual(0);
    expect(c.rect.right).toBeLessThanOrEqual(1100);
    // The description's one sentence is shown whole, not cut short of its last words.
    const desc = await page.evaluate(() => {
      const el = document.querySelector('rivalry-lens')?.shadowRoot?.querySelector('.desc');
      return el
        ? { clamped: el.classList.contains('clamped'), cut: el.scrollHeight > el.clientHeight }
        : null;
    });
    expect(desc).toEqual({ clamped: true, cut: false });
    await shot('card-light.png');
  });

  it('stays open while the pointer is on the card, and closes after it leaves both', async () => {
    const c = await card(page);
    if (!c) throw new Error('card should be open');
    await page.mouse.move(c.rect.left + 30, c.rect.top + 20, { steps: 6 });
    await page.waitForTimeout(900);
    expect(await card(page)).not.toBeNull();
    await moveAway();
    await page.waitForTimeout(100);
    expect(await card(page)).not.toBeNull(); // a short grace period…
    await closed(); // …then it goes
  });

  it('closes at once on Escape and on a click elsewhere', async () => {
    await hover('rivalry-stoke-space');
    await until(async () => expect((await card(page))?.label).toBe('Rivalry Lens: Stoke Space'));
    await page.keyboard.press('Escape');
    expect(await card(page)).toBeNull();
    // Still on the mention: it does not reopen by itself.
    await page.waitForTimeout(600);
    expect(await card(page)).toBeNull();

    await moveAway();
    await hover('rivalry-stoke-space');
    const c = await until(async () => {
      const open = await card(page);
      expect(open).not.toBeNull();
      return open as NonNullable<typeof open>;
    });
    // A click on the page, away from the card.
    await page.mouse.click(1050, 20);
    expect(c.rect.right).toBeLessThan(1050);
    expect(await card(page)).toBeNull();
  });

  it('says what was matched for a misspelling', async () => {
    await moveAway();
    await hover('rivalry-neuralink', 'Nueralink');
    const c = await until(async () => {
      const open = await card(page);
      expect(open?.label).toBe('Rivalry Lens: Neuralink');
      return open as NonNullable<typeof open>;
    });
    expect(c.text).toContain('matched “Nueralink”');
    await page.keyboard.press('Escape');
  });

  it('is not clipped by a box with overflow hidden, nor under the page (top layer)', async () => {
    await moveAway();
    await hover('rivalry-openai');
    try {
      const c = await until(async () => {
        const open = await card(page);
        expect(open?.label).toBe('Rivalry Lens: OpenAI');
        return open as NonNullable<typeof open>;
      });
      const box = await page.evaluate(() => {
        const r = document.querySelector('.clip')?.getBoundingClientRect();
        return r ? { bottom: r.bottom } : null;
      });
      // It reaches far below the clipping box (whose z-index is 5), and what is on top at a
      // point of the card below that box is the card itself.
      expect(c.rect.bottom).toBeGreaterThan((box?.bottom ?? 0) + 100);
      expect(c.rect.bottom).toBeLessThanOrEqual(800);
      const onTop = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x as number, y as number)?.localName,
        [(c.rect.left + c.rect.right) / 2, c.rect.bottom - 10],
      );
      expect(onTop).toBe('rivalry-lens');
      await shot('card-clipped-box.png');
    } finally {
      await page.keyboard.press('Escape');
    }
  });

  it('follows the page: dark on a dark page, light on a light one, whatever the system', async () => {
    const cardBackground = (p: Page) =>
      p.evaluate(() => {
        const el = document.querySelector('rivalry-lens')?.shadowRoot?.querySelector('.card');
        return el ? getComputedStyle(el).backgroundColor : null;
      });
    // A page with a dark theme of its own, under a light system.
    const dark = await open(env.browser, env.server.url('/dark-page.html'));
    try {
      const { x, y } = await until(() => mentionRect(dark, 'rivalry-sam-altman'));
      await dark.mouse.move(x, y, { steps: 4 });
      await until(async () => expect(await card(dark)).not.toBeNull());
      expect(await cardBackground(dark)).toBe('rgb(31, 33, 40)');
      await dark.waitForTimeout(250);
      await dark.screenshot({ path: join(SHOTS, 'card-dark.png') });
    } finally {
      await dark.close();
    }
    // A light page under a dark system keeps a light card.
    await page.bringToFront();
    await page.emulateMedia({ colorScheme: 'dark' });
    await moveAway();
    await hover('rivalry-sam-altman');
    await until(async () => expect(await card(page)).not.toBeNull());
    expect(await cardBackground(page)).toBe('rgb(255, 255, 255)');
    await page.keyboard.press('Escape');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('respects reduced motion', async () => {
    const transition = () =>
      page.evaluate(() => {
        const el = document.querySelector('rivalry-lens')?.shadowRoot?.querySelector('.card');
        return el ? getComputedStyle(el).transitionDuration : null;
      });
    expect(await transition()).toBe('0.12s');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await transition()).toBe('0s');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('reads well at 200% zoom: the card fits the viewport and scrolls inside', async () => {
    const cdp = await env.browser.context.newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: 550,
      height: 400,
      deviceScaleFactor: 2,
      mobile: false,
    });
    try {
      await moveAway();
      await page.mouse.move(5, 395);
      await hover('rivalry-sam-altman');
      const c = await until(async () => {
        const open = await card(page);
        expect(open).not.toBeNull();
        return open as NonNullable<typeof open>;
      });
      expect(c.rect.left).toBeGreaterThanOrEqual(0);
      expect(c.rect.right).toBeLessThanOrEqual(550);
      expect(c.rect.bottom - c.rect.top).toBeLessThanOrEqual(400);
      // Playwright's own screenshot would reset the emulated metrics: ask the browser directly.
      await page.waitForTimeout(250);
      const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
      writeFileSync(join(SHOTS, 'card-zoom-200.png'), Buffer.from(data, 'base64'));
      await page.keyboard.press('Escape');
    } finally {
      await cdp.send('Emulation.clearDeviceMetricsOverride');
      await cdp.detach();
    }
  });

  it('added nothing to the page but <rivalry-lens>', async () => {
    const log = await mutations(page);
    expect(log, JSON.stringify(log)).toEqual([
      { type: 'childList', target: 'html', added: ['rivalry-lens'], removed: [], attribute: null },
    ]);
  });
});

describe('keyboard and messages', () => {
  it('moves to the next mention with the command, focuses the card, and Escape gives focus back', async () => {
    await page.focus('#btn');
    const [answer] = await sendToTabs(env.browser.worker, { type: 'nextMention' });
    expect(answer).toEqual({ ok: true, index: expect.any(Number), total: expect.any(Number) });
    const first = await until(async () => {
      const c = await card(page);
      expect(c?.focused).toBe(true);
      return c as NonNullable<typeof c>;
    });
    expect(first.label).toBe('Rivalry Lens: Sam Altman');
    await sendToTabs(env.browser.worker, { type: 'nextMention' });
    await until(async () => expect((await card(page))?.label).toBe('Rivalry Lens: Stoke Space'));
    await page.keyboard.press('Escape');
    expect(await card(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('btn');
  });

  it('reveals an entity far down the page: scrolls to it and opens its card', async () => {
    const [answer] = await sendToTabs(env.browser.worker, { type: 'reveal', entity: 'elon-musk' });
    expect(answer).toEqual({ ok: true, index: expect.any(Number), total: expect.any(Number) });
    await until(async () => {
      expect((await card(page))?.label).toBe('Rivalry Lens: Elon Musk');
      // Scrolled (smoothly) until the mention is near the middle of the viewport.
      const { y } = await mentionRect(page, 'rivalry-elon-musk');
      expect(Math.abs(y - 400)).toBeLessThan(60);
    });
    await shot('card-revealed.png');
    // Opened from the keyboard, it stays while the page scrolls, and follows its mention.
    const before = await card(page);
    const mention = await mentionRect(page, 'rivalry-elon-musk');
    await page.evaluate(() => window.scrollBy(0, 120));
    await until(async () => {
      const after = await card(page);
      const moved = await mentionRect(page, 'rivalry-elon-musk');
      expect(Math.round(mention.y - moved.y)).toBe(120);
      expect(Math.round((after?.rect.top ?? 0) - (before?.rect.top ?? 0))).toBe(
        Math.round(moved.y - mention.y),
      );
    });
    await page.keyboard.press('Escape');
  });

  it('answers getSummary with counts and the first mention in context', async () => {
    const [summary] = (await sendToTabs(env.browser.worker, { type: 'getSummary' })) as {
      state: string;
      host: string;
      total: number;
      entities: { entity: string; count: number; firstContext: string }[];
    }[];
    expect(summary?.state).toBe('ready');
    expect(summary?.host).toBe('127.0.0.1');
    expect(summary?.total).toBe(8);
    expect(summary?.entities.find((e) => e.entity === 'spacex')?.count).toBe(2);
    expect(summary?.entities.find((e) => e.entity === 'stoke-space')?.firstContext).toContain(
      'explored a deal with Stoke Space',
    );
  });
});

describe('settings act in place', () => {
  it('"Not this" dismisses the wording on this site', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await moveAway();
    await hover('rivalry-neuralink', 'Nueralink');
    await until(async () => expect((await card(page))?.label).toBe('Rivalry Lens: Neuralink'));
    const button = (name: string) =>
      page.locator('rivalry-lens').getByRole('button', { name, exact: true });
    await button('Not this').click();
    await button('On this site').click();
    await until(async () => expect((await card(page))?.text).toContain('Hidden on this site.'));
    // Its Undo stays within reach a while, the pointer gone or not; then the card goes.
    await moveAway();
    await page.waitForTimeout(300);
    expect((await card(page))?.text).toContain('Undo');
    await until(async () => expect(await card(page)).toBeNull(), UNDO_MS + 2000);
    await until(async () => expect((await highlights(page))['rivalry-neuralink']).toBeUndefined());
    const stored = await env.browser.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      return (await c.storage.local.get('dismissals')).dismissals;
    });
    expect(stored).toEqual([{ site: '127.0.0.1', entity: 'neuralink', text: 'Nueralink' }]);
  });

  it('hides entities and switches the highlight style live', async () => {
    await setStorage(env.browser.worker, 'sync', { hiddenEntities: ['spacex'] });
    await until(async () => expect((await highlights(page))['rivalry-spacex']).toBeUndefined());
    await setStorage(env.browser.worker, 'sync', {
      hiddenEntities: [],
      highlightStyle: 'underline',
    });
    await until(async () => expect((await highlights(page))['rivalry-spacex']).toHaveLength(2));
    await shot('underline.png');
    await setStorage(env.browser.worker, 'sync', { highlightStyle: 'fill' });
  });

  it('turns off on this site at once and comes back, without a reload', async () => {
    await hover('rivalry-sam-altman');
    await until(async () => expect(await card(page)).not.toBeNull());
    const marker = await page.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
      return true;
    });
    expect(marker).toBe(true);
    await setStorage(env.browser.worker, 'sync', { disabledSites: ['127.0.0.1'] });
    await until(async () => {
      expect(await highlights(page)).toEqual({});
      expect(await page.evaluate(() => document.querySelector('rivalry-lens'))).toBeNull();
    });
    const [off] = (await sendToTabs(env.browser.worker, { type: 'getSummary' })) as {
      state: string;
    }[];
    expect(off?.state).toBe('site-off');
    await setStorage(env.browser.worker, 'sync', { disabledSites: [] });
    await until(async () => expect(Object.keys(await highlights(page)).length).toBeGreaterThan(3));
    expect(
      await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);

    await setStorage(env.browser.worker, 'local', { paused: true });
    await until(async () => expect(await highlights(page)).toEqual({}));
    await setStorage(env.browser.worker, 'local', { paused: false });
    await until(async () => expect(Object.keys(await highlights(page)).length).toBeGreaterThan(3));
  });

  it('sent no request beyond 127.0.0.1 and caused no page or console error', () => {
    expect(foreignRequests(env.browser.requests)).toEqual([]);
    expect(env.browser.errors).toEqual([]);
  });
});
