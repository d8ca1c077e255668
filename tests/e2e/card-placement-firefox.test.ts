/**
 * The card's placement and its keyboard in Firefox ESR at 1280×720, with the real mouse and
 * keyboard (puppeteer-core over WebDriver BiDi, the Firefox build), on tests/fixtures/edges.html.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Box,
  expectWellPlaced,
  type Measured,
  mentionLinesIn,
  openCardIn,
  settledCard,
} from './card-measure';
import { SHOTS, until, withFirefox } from './harness';

// The window's outer size: its toolbars take the difference from a 1280×720 viewport.
const ff = withFirefox(['--width=1280', '--height=806']);

beforeAll(async () => {
  await ff.page.goto(ff.server.url('/edges.html'));
  await until(async () => expect(await mentionOf('br')).not.toBeNull(), 10000);
  console.log(`screenshots: ${SHOTS}`);
});

function mentionOf(id: string) {
  return ff.page.evaluate(mentionLinesIn, id).then((m) => m?.lines ?? null);
}

function measureCard() {
  return ff.page.evaluate(openCardIn);
}

async function bring(id: string, at: 'top' | 'centre' | 'end') {
  await ff.page.evaluate(
    (elId, where) => {
      const el = document.getElementById(elId) as HTMLElement;
      if (where === 'top') window.scrollTo(0, 0);
      else if (where === 'end') window.scrollTo(0, document.documentElement.scrollHeight);
      else el.scrollIntoView({ block: 'center' });
    },
    id,
    at,
  );
}

async function hover(lines: Box[]) {
  const first = lines[0] as Box;
  await ff.page.mouse.move((first.left + first.right) / 2, (first.top + first.bottom) / 2, {
    steps: 3,
  });
}

async function closeCard() {
  await ff.page.keyboard.press('Escape');
  await until(async () => expect(await measureCard()).toBeNull(), 2000);
}

describe('Firefox ESR card at 1280×720', () => {
  it('places cards beside mentions at each edge and in the middle', async () => {
    expect(await ff.page.evaluate(() => [innerWidth, innerHeight])).toEqual([1280, 720]);
    const spots = [
      ['tl', 'top'],
      ['tr', 'top'],
      ['mid', 'centre'],
      ['mr', 'centre'],
      ['wrap', 'centre'],
      ['bl', 'end'],
      ['br', 'end'],
    ] as const;
    for (const [id, at] of spots) {
      await ff.page.mouse.move(1, 300);
      await bring(id, at);
      const lines = (await mentionOf(id)) as Box[];
      expect(lines, id).not.toBeNull();
      await hover(lines);
      const c = await settledCard(measureCard);
      expectWellPlaced(c, lines, `firefox #${id}`);
      if (id === 'br') await ff.page.screenshot({ path: join(SHOTS, 'firefox-place-br.png') });
      await closeCard();
    }
  });

  it('closes the card when its mention scrolls away', async () => {
    await ff.page.mouse.move(1, 300);
    await bring('mid', 'centre');
    await hover((await mentionOf('mid')) as Box[]);
    await settledCard(measureCard);
    await ff.page.evaluate(() => window.scrollBy(0, innerHeight * 1.5));
    await until(async () => expect(await measureCard()).toBeNull(), 2000);
  });

  it('steps with Next, keeps Tab inside the card, and Escape closes it', async () => {
    await ff.page.mouse.move(1, 300);
    await bring('tl', 'top');
    await hover((await mentionOf('tl')) as Box[]);
    const c = await settledCard(measureCard);
    expect(c.status).toMatch(/^1 of \d+$/);
    const next = c.controls.find((b) => b.label.startsWith('Next')) as Measured['controls'][0];
    await ff.page.mouse.click(
      (next.rect.left + next.rect.right) / 2,
      (next.rect.top + next.rect.bottom) / 2,
    );
    await until(async () => expect((await measureCard())?.status).toMatch(/^2 of \d+$/));
    const moved = await settledCard(measureCard);
    expectWellPlaced(moved, (await mentionOf('mid')) as Box[], 'firefox after Next');
    for (let i = 0; i < moved.controls.length + 2; i++) {
      await ff.page.keyboard.press('Tab');
      expect((await measureCard())?.focusInCard, `Tab ${i + 1}`).toBe(true);
    }
    await ff.page.keyboard.down('Shift');
    for (let i = 0; i < moved.controls.length + 2; i++) {
      await ff.page.keyboard.press('Tab');
      expect((await measureCard())?.focusInCard, `Shift+Tab ${i + 1}`).toBe(true);
    }
    await ff.page.keyboard.up('Shift');
    await ff.page.keyboard.press('ArrowLeft');
    await until(async () => expect((await measureCard())?.status).toMatch(/^1 of \d+$/));
    await closeCard();
  });
});
