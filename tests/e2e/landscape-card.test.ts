/**
 * A rival's card in place of the hovered one, in Chromium with the built extension: from
 * OpenAI's card, Google (an entity no page highlights) opens in the same card, which still
 * obeys every placement rule, and Back returns to OpenAI with focus on the name it left.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectWellPlaced,
  type Measured,
  mentionLinesIn,
  openCardIn,
  settledCard,
} from './card-measure';
import { open, until, withExtension } from './harness';

const env = withExtension();
let page: Page;

beforeAll(async () => {
  page = await open(env.browser, env.server.url('/edges.html'));
  await until(async () => expect(await page.evaluate(mentionLinesIn, 'bl')).not.toBeNull());
});

/** What the card shows now: its heading, and the text of the focused element in it. */
function shown() {
  return page.evaluate(() => {
    const root = document.querySelector('rivalry-lens')?.shadowRoot;
    return {
      heading: root?.querySelector('.card h2')?.textContent ?? null,
      focused: root?.activeElement?.textContent?.trim() ?? null,
    };
  });
}

/** The centre of a button of the open card, found by its text. */
function buttonAt(text: string) {
  return page.evaluate((t) => {
    const root = document.querySelector('rivalry-lens')?.shadowRoot;
    const b = [...(root?.querySelectorAll('.card button') ?? [])].find(
      (x) => x.textContent?.trim() === t,
    );
    const r = b?.getBoundingClientRect();
    return r ? { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 } : null;
  }, text);
}

const SIZES = [
  { width: 1100, height: 800 },
  { width: 400, height: 800 },
  // Short: the card's content scrolls under its way back.
  { width: 640, height: 360 },
];
/** OpenAI in the middle of the page (card below) and at the bottom left (card above). */
const SPOTS = [
  { id: 'mid', at: 'centre' },
  { id: 'bl', at: 'end' },
] as const;

describe('a landscape entity’s card from a rival name', () => {
  for (const size of SIZES)
    for (const spot of SPOTS)
      it(`${size.width}x${size.height}, OpenAI ${spot.at}: Google in place, then back`, async () => {
        await page.setViewportSize(size);
        await page.evaluate(
          ([elId, at]) => {
            const el = document.getElementById(elId as string) as HTMLElement;
            if (at === 'end') window.scrollTo(0, document.documentElement.scrollHeight);
            else el.scrollIntoView({ block: 'center' });
          },
          [spot.id, spot.at],
        );
        const mention = await page.evaluate(mentionLinesIn, spot.id);
        if (!mention) throw new Error(`no mention in #${spot.id}`);
        expect(mention.text).toBe('OpenAI');
        const first = mention.lines[0] as Measured['rect'];
        await page.mouse.move(1, 400);
        await page.mouse.move((first.left + first.right) / 2, (first.top + first.bottom) / 2, {
          steps: 4,
        });
        const where = `${size.width}x${size.height} #${spot.id}`;
        const own = await settledCard(() => page.evaluate(openCardIn));
        expect(own.label).toBe('Rivalry Lens: OpenAI');
        expectWellPlaced(own, mention.lines, `${where}, OpenAI`);

        const google = await buttonAt('Google');
        if (!google) throw new Error('no Google on OpenAI’s card');
        await page.mouse.click(google.x, google.y);
        await until(async () => expect((await shown()).heading).toBe('Google'));
        // The same card element, now Google's, still beside the mention and within limits.
        const rival = await settledCard(() => page.evaluate(openCardIn));
        expectWellPlaced(rival, mention.lines, `${where}, Google`);
        expect(rival.controls.map((c) => c.label)).toContain('← Back to OpenAI');
        expect(rival.controls.map((c) => c.label)).not.toContain('Not this');
        expect((await shown()).focused).toBe('← Back to OpenAI');
        if (spot.id === 'mid')
          await page.screenshot({ path: `/tmp/landscape-card-${size.width}x${size.height}.png` });

        // Back, from the keyboard: focus lands on the name the reader left.
        await page.keyboard.press('Enter');
        await until(async () =>
          expect(await shown()).toEqual({ heading: 'OpenAI', focused: 'Google' }),
        );
        const back = await settledCard(() => page.evaluate(openCardIn));
        expectWellPlaced(back, mention.lines, `${where}, back`);
        await page.keyboard.press('Escape');
        await until(async () => expect(await page.evaluate(openCardIn)).toBeNull(), 2000);
      });
});
