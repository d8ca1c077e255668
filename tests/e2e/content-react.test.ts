/**
 * A real React app (react and react-dom from npm) that re-renders mentions every 100 ms: the
 * highlights follow, React never notices us (no errors, its DOM stays its own), and a card
 * opens on a mention that React keeps editing.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  card,
  bundleFixture,
  foreignRequests,
  highlights,
  mentionRect,
  mutations,
  open,
  until,
  withExtension,
} from './harness';

let page: Page;

const env = withExtension({
  extra: async () => ({ '/react-app.js': await bundleFixture('react-app.js', 'ReactApp') }),
});

beforeAll(async () => {
  page = await open(env.browser, env.server.url('/react.html'));
});

const tick = () => page.evaluate(() => (window as unknown as { __tick: number }).__tick);

describe('React app re-rendering every 100 ms', () => {
  it('keeps the highlights in step with what React renders', async () => {
    await until(async () => expect(await tick()).toBeGreaterThan(5));
    // Sample several times while React keeps re-rendering.
    for (let i = 0; i < 5; i++) {
      await until(async () => {
        const [h, shown] = await Promise.all([
          highlights(page),
          page.evaluate(() => ({
            ticking: document.querySelector('#ticking strong')?.textContent,
            items: [...document.querySelectorAll('#list li')].map((li) => li.textContent),
          })),
        ]);
        expect(h['rivalry-sam-altman']).toEqual(['Sam Altman']);
        expect(h['rivalry-elon-musk']).toEqual(['Elon Musk']);
        // Every name React shows right now is highlighted, and nothing else.
        const expected: Record<string, number> = { 'rivalry-openai': 1 }; // in #clock
        const idOf: Record<string, string> = {
          OpenAI: 'rivalry-openai',
          SpaceX: 'rivalry-spacex',
          Neuralink: 'rivalry-neuralink',
          'Stoke Space': 'rivalry-stoke-space',
        };
        for (const text of [
          shown.ticking,
          ...shown.items.map((t) => t?.replace(/^Item \d: /, '')),
        ]) {
          const id = idOf[text ?? ''] as string;
          expect(id).toBeDefined();
          expected[id] = (expected[id] ?? 0) + 1;
        }
        for (const [id, n] of Object.entries(expected)) expect(h[id]).toHaveLength(n);
      }, 3000);
      await page.waitForTimeout(170);
    }
  });

  it('leaves React’s DOM to React: only <rivalry-lens> is ours, and React keeps working', async () => {
    // Open a card so that <rivalry-lens> exists, on the mention React does not touch.
    const { x, y } = await mentionRect(page, 'rivalry-sam-altman');
    await page.mouse.move(x, y, { steps: 3 });
    await until(async () => expect((await card(page))?.label).toBe('Rivalry Lens: Sam Altman'));
    const before = await tick();
    // Through React's own event handling (dispatched: the button moves as text re-renders).
    await page.dispatchEvent('#btn', 'click');
    await until(async () => expect(await tick()).toBeGreaterThan(before + 100));
    const log = await mutations(page);
    expect(log.length).toBeGreaterThan(20); // React did re-render all along
    const ours = log.filter((r) => [...r.added, ...r.removed].includes('rivalry-lens'));
    expect(ours).toEqual([
      { type: 'childList', target: 'html', added: ['rivalry-lens'], removed: [], attribute: null },
    ]);
    // Everything else is React's own work inside its root: its first render into div#root (if
    // that came after the page was parsed), then text and keyed <li> elements.
    const others = log.filter((r) => !ours.includes(r));
    for (const r of others) {
      expect(r.type).not.toBe('attributes');
      if (r.target === 'div#root') continue;
      for (const n of [...r.added, ...r.removed]) expect(n).toMatch(/^(#text|li)/);
    }
  });

  it('keeps a card open on a mention whose paragraph React edits every 100 ms', async () => {
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 700);
    // #clock's tick number changes every 100 ms, so its block is read again each time; the
    // card stays on the same "OpenAI" all along.
    const { x, y } = await mentionRect(page, 'rivalry-openai', 'OpenAI', 0);
    const clockTop = await page.evaluate(
      () => document.querySelector('#clock')?.getBoundingClientRect().top ?? -1,
    );
    expect(Math.abs(y - clockTop)).toBeLessThan(30);
    await page.mouse.move(x, y, { steps: 3 });
    await until(async () => expect((await card(page))?.label).toBe('Rivalry Lens: OpenAI'));
    for (let i = 0; i < 8; i++) {
      await page.waitForTimeout(100);
      expect((await card(page))?.label).toBe('Rivalry Lens: OpenAI');
    }
  });

  it('caused no page or console error and sent nothing beyond 127.0.0.1', () => {
    expect(foreignRequests(env.browser.requests)).toEqual([]);
    expect(env.browser.errors).toEqual([]);
  });
});
