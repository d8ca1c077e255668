/**
 * How soon a card shows once the pointer has rested on a mention for the dwell time: the first
 * card of a tab (stage two, the card UI, is loaded then) and a later one (on another mention),
 * with the real mouse of the automation protocol. Measured in the page: from the pointer's last
 * move onto the mention plus the dwell, to the first animation frame in which the card is open.
 */
import type { Page } from 'playwright-core';
import { type BenchBrowser, freshPage, median, sleep } from './browser.ts';

/** The dwell the extension waits by default (extension/setting-specs.ts, `dwellMs`). */
export const DWELL_MS = 300;

/** In the page, before its scripts: the time of every pointer move, and of frames with a card. */
const WATCH = `(() => {
  const w = window;
  w.__card = { moves: [], opened: [] };
  addEventListener('pointermove', (e) => w.__card.moves.push(e.timeStamp), true);
  let open = false;
  const frame = (t) => {
    const el = document.querySelector('rivalry-lens')?.shadowRoot?.querySelector('[role="dialog"]');
    const now = !!el && el.matches(':popover-open') && el.getBoundingClientRect().height > 0;
    if (now && !open) w.__card.opened.push(t);
    open = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/** The centre of the `index`th painted mention, top to bottom. */
async function mention(page: Page, index: number) {
  return page.evaluate((i) => {
    const rects: DOMRect[] = [];
    for (const [name, hl] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
      if (!name.startsWith('rivalry-')) continue;
      for (const r of hl) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const box = range.getClientRects()[0];
        if (box && box.top > 40 && box.bottom < innerHeight - 40) rects.push(box);
      }
    }
    rects.sort((a, b) => a.top - b.top || a.left - b.left);
    const box = rects[i];
    return box ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : null;
  }, index);
}

/** Hovers the `index`th mention and returns ms from dwell end to the frame that shows the card. */
async function hoverCard(page: Page, index: number): Promise<number> {
  const at = await mention(page, index);
  if (!at) throw new Error(`no mention ${index} in view`);
  const before = await page.evaluate(
    () => (window as never as { __card: { opened: number[] } }).__card.opened.length,
  );
  await page.mouse.move(at.x, at.y, { steps: 4 });
  const started = Date.now();
  for (;;) {
    const { opened, moves } = await page.evaluate(
      () => (window as never as { __card: { opened: number[]; moves: number[] } }).__card,
    );
    if (opened.length > before) {
      const shown = opened[before] as number;
      const lastMove = moves.filter((t) => t <= shown).at(-1) ?? Number.NaN;
      return shown - (lastMove + DWELL_MS);
    }
    if (Date.now() - started > 10_000) throw new Error('no card within 10 s');
    await sleep(20);
  }
}

/** `rounds` fresh tabs of `url`: the first card's latency in each, and a later card's. */
export async function firstCard(
  b: BenchBrowser,
  url: string,
  rounds: number,
): Promise<{ first: number; later: number; firstAll: number[]; laterAll: number[] }> {
  const first: number[] = [];
  const later: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const page = await freshPage(b, WATCH);
    await page.goto(url, { waitUntil: 'load' });
    // Painted, and quiet: the reading is done before the pointer comes.
    for (let i = 0; i < 100 && !(await mention(page, 1)); i++) await sleep(100);
    await sleep(1000);
    await page.mouse.move(2, 2);
    first.push(await hoverCard(page, 0));
    // Away (the card closes), then onto another mention.
    await page.mouse.move(2, 2);
    await sleep(800);
    later.push(await hoverCard(page, 1));
    await page.close();
  }
  return { first: median(first), later: median(later), firstAll: first, laterAll: later };
}
