/**
 * Where the card goes, measured with the real mouse and keyboard in Chromium with the built
 * extension: for mentions at each edge and in the middle of tests/fixtures/edges.html, at the
 * sizes a reader uses (and 200% zoom), light and dark, the card never covers its mention, stays
 * in the viewport, is at most 480 px tall, and shows every control; it closes when its mention
 * scrolls away; a card opened from the keyboard keeps Tab inside and gives focus back.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectWellPlaced,
  type Measured,
  mentionLinesIn,
  openCardIn,
  settledCard,
} from './card-measure';
import { open, SHOTS, sendToTabs, until, withExtension } from './harness';

const env = withExtension();
let page: Page;
let cdp: CDPSession;

interface Size {
  name: string;
  width: number;
  height: number;
  /** Emulated 200% zoom: the CSS viewport is half the window, drawn at two device pixels a px. */
  zoom?: boolean;
}

const SIZES: Size[] = [
  { name: '1280x720', width: 1280, height: 720 },
  { name: '1100x800', width: 1100, height: 800 },
  { name: '400x800', width: 400, height: 800 },
  { name: 'zoom200', width: 640, height: 360, zoom: true },
];

/** Where a mention is brought before it is hovered. */
type At = 'top' | 'centre' | 'low' | 'end';

/** Element ids in tests/fixtures/edges.html, each holding a mention, and where each is shown. */
const SPOTS: { id: string; at: At }[] = [
  { id: 'tl', at: 'top' },
  { id: 'tr', at: 'top' },
  { id: 'top', at: 'top' },
  { id: 'ml', at: 'centre' },
  { id: 'mid', at: 'centre' },
  { id: 'mr', at: 'centre' },
  { id: 'wrap', at: 'centre' },
  { id: 'mid', at: 'low' },
  { id: 'mr', at: 'low' },
  { id: 'wrap', at: 'low' },
  { id: 'bottom', at: 'end' },
  { id: 'bl', at: 'end' },
  { id: 'br', at: 'end' },
];

/** Shots kept for looking at, per size and scheme. */
const SHOT_SPOTS = new Set(['tl:top', 'br:end', 'mid:low', 'wrap:centre']);

beforeAll(async () => {
  page = await open(env.browser, env.server.url('/edges.html'));
  cdp = await env.browser.context.newCDPSession(page);
  await until(async () => expect(await mentionOf('br')).not.toBeNull());
  console.log(`screenshots: ${SHOTS}`);
});
afterAll(async () => {
  await cdp?.detach().catch(() => {});
});

async function resize(size: Size) {
  await cdp.send('Emulation.clearDeviceMetricsOverride');
  if (size.zoom) {
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: size.width,
      height: size.height,
      deviceScaleFactor: 2,
      mobile: false,
    });
  } else {
    await page.setViewportSize({ width: size.width, height: size.height });
  }
  await until(async () =>
    expect(await page.evaluate(() => [innerWidth, innerHeight])).toEqual([size.width, size.height]),
  );
}

/** The mention's line boxes inside element `id` (its first mention), in viewport px. */
function mentionOf(id: string) {
  return page.evaluate(mentionLinesIn, id);
}

async function bring(id: string, at: At) {
  await page.evaluate(
    ([elId, where]) => {
      const el = document.getElementById(elId as string) as HTMLElement;
      const root = document.documentElement;
      if (where === 'top') window.scrollTo(0, 0);
      else if (where === 'end') window.scrollTo(0, root.scrollHeight);
      else if (where === 'centre') el.scrollIntoView({ block: 'center' });
      else window.scrollBy(0, el.getBoundingClientRect().bottom - (innerHeight - 12));
    },
    [id, at],
  );
}

function measureCard() {
  return page.evaluate(openCardIn);
}

/** The card once it has stopped moving (placement and fade-in done). */

async function shot(name: string) {
  // Playwright's own screenshot would reset emulated metrics: ask the browser directly.
  const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
  writeFileSync(join(SHOTS, name), Buffer.from(data, 'base64'));
}

async function closeCard() {
  await page.keyboard.press('Escape');
  await until(async () => expect(await measureCard()).toBeNull(), 2000);
}

/** A point of the page with nothing under it, so the pointer opens and keeps nothing. */
async function restPointer() {
  await page.mouse.move(1, (await page.evaluate(() => innerHeight)) / 2 + 3, { steps: 2 });
}

for (const size of SIZES) {
  for (const scheme of ['light', 'dark'] as const) {
    describe(`${size.name}, ${scheme}`, () => {
      beforeAll(async () => {
        await page.emulateMedia({ colorScheme: scheme });
        await resize(size);
      });

      it('places every card beside its mention, inside the viewport, all controls shown', async () => {
        for (const { id, at } of SPOTS) {
          const where = `${size.name} ${scheme} #${id} (${at})`;
          await restPointer();
          await bring(id, at);
          const m = await mentionOf(id);
          expect(m, where).not.toBeNull();
          if (!m) continue;
          const first = m.lines[0] as Measured['rect'];
          await page.mouse.move((first.left + first.right) / 2, (first.top + first.bottom) / 2, {
            steps: 3,
          });
          const c = await settledCard(measureCard);
          // The mention did not move while the card opened.
          expect((await mentionOf(id))?.lines, where).toEqual(m.lines);
          expectWellPlaced(c, m.lines, where);
          if (SHOT_SPOTS.has(`${id}:${at}`))
            await shot(`place-${size.name}-${scheme}-${id}-${at}.png`);
          await closeCard();
        }
      });

      it('closes the card when its mention scrolls away under a pointer on the card', async () => {
        await restPointer();
        await bring('mid', 'centre');
        const m = await mentionOf('mid');
        const first = m?.lines[0] as Measured['rect'];
        await page.mouse.move((first.left + first.right) / 2, (first.top + first.bottom) / 2, {
          steps: 3,
        });
        const c = await settledCard(measureCard);
        // Onto the card's controls (which never scroll inside it), then the wheel.
        const b = c.controls[c.controls.length - 1] as Measured['controls'][number];
        await page.mouse.move(b.rect.left + 2, (b.rect.top + b.rect.bottom) / 2, { steps: 4 });
        await page.waitForTimeout(400);
        expect(await measureCard()).not.toBeNull();
        await page.mouse.wheel(0, size.height * 1.5);
        await until(async () => {
          const gone = await mentionOf('mid');
          expect((gone?.lines[0]?.bottom ?? 0) < 0).toBe(true);
        });
        await until(async () => expect(await measureCard()).toBeNull(), 2000);
      });

      if (scheme === 'light') {
        it('keeps Tab inside a card opened from the keyboard, steps, and gives focus back', async () => {
          await restPointer();
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.focus('#btn');
          // The popup's reveal, as a reader clicking OpenAI's row there.
          await sendToTabs(env.browser.worker, { type: 'reveal', entity: 'openai' });
          const c = await settledCard(measureCard);
          const focus = () =>
            page.evaluate(() => {
              const root = document.querySelector('rivalry-lens')?.shadowRoot;
              const at = root?.activeElement;
              return {
                inCard: !!at && !!root?.querySelector('.card')?.contains(at),
                pageId: document.activeElement?.id ?? '',
                status: root?.querySelector('[role="status"]')?.textContent ?? '',
                live: root?.querySelector('[role="status"]')?.getAttribute('aria-live') ?? '',
              };
            });
          const before = await focus();
          expect(before.inCard).toBe(true);
          expect(before.status).toMatch(/^\d+ of \d+$/);
          expect(before.live).toBe('polite');
          for (let i = 0; i < c.controls.length + 2; i++) {
            await page.keyboard.press('Tab');
            expect((await focus()).inCard, `Tab ${i + 1}`).toBe(true);
          }
          for (let i = 0; i < c.controls.length + 2; i++) {
            await page.keyboard.press('Shift+Tab');
            expect((await focus()).inCard, `Shift+Tab ${i + 1}`).toBe(true);
          }
          // The arrow moves to the next mention of the entity: scrolled to, and announced.
          const [n, total] = before.status.split(' of ').map(Number) as [number, number];
          const scrolled = () => page.evaluate(() => scrollY);
          const from = { y: await scrolled(), rect: c.rect };
          await page.keyboard.press('ArrowRight');
          await until(async () =>
            expect((await focus()).status).toBe(`${(n % total) + 1} of ${total}`),
          );
          const moved = await settledCard(measureCard);
          // Another mention: the page scrolled to it, or the card moved beside it.
          expect({ y: await scrolled(), rect: moved.rect }).not.toEqual(from);
          expect(moved.rect.bottom).toBeLessThanOrEqual(moved.viewport.height);
          expect((await focus()).inCard).toBe(true);
          await shot(`keyboard-${size.name}.png`);
          await page.keyboard.press('Escape');
          await until(async () => expect(await measureCard()).toBeNull(), 2000);
          expect((await focus()).pageId).toBe('btn');
        });
      }
    });
  }
}
