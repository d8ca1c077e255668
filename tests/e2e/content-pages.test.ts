/**
 * The content script on fixture pages, in Chromium with the built extension: what is
 * highlighted (read from `CSS.highlights` in the page's main world), and that the page's DOM saw
 * no change from us (read from a MutationObserver the page installed before we ran).
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entityFill } from '../../extension/palette';
import { hexToRgb } from '../../scripts/colour-math';
import {
  card,
  expandos,
  extensionDir,
  foreignRequests,
  highlights,
  type MutationLog,
  mentionRect,
  mutations,
  open,
  pageSummary,
  pixelsOfColour,
  SHOTS,
  serveFixtures,
  until,
  withExtension,
} from './harness';

const env = withExtension();

/** Changes made by anyone other than the page's own scripts: must be none. */
function foreign(log: MutationLog[]): MutationLog[] {
  return log.filter(
    (r) =>
      r.type === 'attributes' ||
      [...r.added, ...r.removed].some((n) => n.startsWith('rivalry-') && n !== 'rivalry-lens') ||
      ((r.added.includes('rivalry-lens') || r.removed.includes('rivalry-lens')) &&
        r.target !== 'html'),
  );
}

/** How many pixels of a PNG are the opaque fill `rgb` (±6). */
async function filledPixels(png: Buffer, rgb: [number, number, number]): Promise<number> {
  const blank = await env.browser.context.newPage();
  try {
    const seen = await blank.evaluate(pixelsOfColour, [png.toString('base64'), rgb, 6] as const);
    return seen.matching;
  } finally {
    await blank.close();
  }
}

describe('the built content script', () => {
  it('carries the polyfill as an ES module, not through the CommonJS interop', () => {
    const code = readFileSync(join(extensionDir(), 'content-scripts/content.js'), 'utf8');
    // The bundler's interop asks every property of the polyfill's export (Chromium's native
    // `browser`) for its descriptor, which makes every API namespace at the start of every page;
    // nothing else in the content script asks for one (see build/esm-polyfill-plugin.ts).
    expect(code).not.toContain('getOwnPropertyDescriptor');
  });
});

describe('highlight rules (Chromium)', () => {
  it('are there from document start, in no sheet the page sees, and painted with', async () => {
    const page = await open(env.browser, env.server.url('/early-sheet.html'));
    type Seen = { __atParse: { fill: string; sheets: number } };
    expect(await page.evaluate(() => (window as unknown as Seen).__atParse)).toEqual({
      fill: `rgb(${hexToRgb(entityFill('openai', 'light'))?.join(', ')})`,
      sheets: 0,
    });
    await until(async () =>
      expect(await highlights(page)).toEqual({ 'rivalry-openai': ['OpenAI'] }),
    );
    // Painted with those rules: no sheet adopted for the default style.
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    // The `:root::highlight()` rule reaches the text: its box is filled with OpenAI's colour.
    const box = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('p') as Element);
      const r = range.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    });
    await until(async () =>
      expect(
        await filledPixels(
          await page.screenshot({ clip: box }),
          hexToRgb(entityFill('openai', 'light')) as [number, number, number],
        ),
      ).toBeGreaterThan(box.width * box.height * 0.2),
    );
    await page.close();
  });
});

describe('static pages', () => {
  it('highlights names split across inline elements and lines, not across blocks', async () => {
    const page = await open(env.browser, env.server.url('/split.html'));
    await until(async () =>
      expect(await highlights(page)).toEqual({
        'rivalry-sam-altman': ['Sam Altman'],
        'rivalry-stoke-space': ['Stoke Space', 'StokeSpace'],
        'rivalry-neuralink': ['Neuralink'],
        'rivalry-openai': ['OpenAI', 'OpenAI'],
        'rivalry-elon-musk': ['Elon Musk'],
        'rivalry-spacex': ['SpaceX', 'SpaceX'],
      }),
    );
    // Not one change to the page's DOM: no wrapper, attribute or class, and no <rivalry-lens>
    // either until a card is needed.
    expect(await mutations(page)).toEqual([]);
    // Nor a property the page could see on a node we read.
    expect(await page.evaluate(expandos)).toEqual([]);
    // Nor a message posted to the page's own listeners.
    expect(
      await page.evaluate(() => (window as unknown as { __messages: unknown[] }).__messages),
    ).toEqual([]);
    await page.close();
  });

  it('never highlights inside inputs, textareas, selects, editors or code', async () => {
    const page = await open(env.browser, env.server.url('/forms.html'));
    await until(async () =>
      expect(await highlights(page)).toEqual({
        'rivalry-spacex': ['SpaceX'],
        'rivalry-openai': ['OpenAI'],
        // Prose in <pre> (an e-mail) is read; <code> is not.
        'rivalry-neuralink': ['Neuralink'],
      }),
    );
    expect(await mutations(page)).toEqual([]);

    // Typing a name into the editor and the field highlights nothing there.
    await page.click('#ed p');
    await page.keyboard.press('End');
    await page.keyboard.type(' about Elon Musk and SpaceX');
    await page.fill('#q', 'Elon Musk');
    // Changes are read in the order they came: once a paragraph added after the typing is
    // painted, the typing has been looked at too, however slow the machine.
    await page.evaluate(() =>
      document.body.insertAdjacentHTML('beforeend', '<p>Later, Stoke Space.</p>'),
    );
    await until(async () =>
      expect((await highlights(page))['rivalry-stoke-space']).toEqual(['Stoke Space']),
    );
    expect(Object.keys(await highlights(page)).sort()).toEqual([
      'rivalry-neuralink',
      'rivalry-openai',
      'rivalry-spacex',
      'rivalry-stoke-space',
    ]);
    expect((await highlights(page))['rivalry-spacex']).toEqual(['SpaceX']);
    expect(foreign(await mutations(page))).toEqual([]);
    await page.close();
  });

  it('reads open shadow roots, nested ones, slotted text, and one attached late', async () => {
    const page = await open(env.browser, env.server.url('/shadow.html'));
    await until(async () =>
      expect(await highlights(page)).toEqual({
        'rivalry-sam-altman': ['Sam Altman'],
        'rivalry-stoke-space': ['Stoke Space'],
        'rivalry-elon-musk': ['Elon Musk'],
        'rivalry-spacex': ['SpaceX'],
        'rivalry-neuralink': ['Neuralink'],
        'rivalry-openai': ['OpenAI'],
        // <late-card> is defined 800 ms after load, with its text in its own shadow root.
        'rivalry-xai': ['xAI'],
      }),
    );
    expect(await mutations(page)).toEqual([]);
    await page.close();
  });

  it('runs in same-origin iframes (src and srcdoc), each with its own highlights', async () => {
    const page = await open(env.browser, env.server.url('/iframe.html'));
    const child = page.frame({ url: /iframe-child/ });
    if (!child) throw new Error('no child frame');
    await until(async () =>
      expect(await highlights(page)).toEqual({ 'rivalry-openai': ['OpenAI'] }),
    );
    await until(async () =>
      expect(await highlights(child)).toEqual({
        'rivalry-neuralink': ['Neuralink'],
        'rivalry-spacex': ['SpaceX'],
      }),
    );
    const inline = page.frames().find((f) => f.url() === 'about:srcdoc');
    if (!inline) throw new Error('no srcdoc frame');
    await until(async () =>
      expect(await highlights(inline)).toEqual({ 'rivalry-stoke-space': ['Stoke Space'] }),
    );
    expect(await mutations(page)).toEqual([]);
    expect(await mutations(child)).toEqual([]);
    expect(await mutations(inline)).toEqual([]);
    await page.close();
  });

  it('stays out of a cross-origin iframe', async () => {
    const other = await serveFixtures();
    try {
      const port = new URL(other.origin).port;
      const page = await open(env.browser, env.server.url(`/cross-origin.html?port=${port}`));
      await until(async () =>
        expect(await highlights(page)).toEqual({ 'rivalry-openai': ['OpenAI'] }),
      );
      const child = await until(async () => {
        const f = page.frames().find((fr) => fr.url().startsWith(other.origin));
        expect(f).toBeDefined();
        await f?.waitForLoadState('load');
        return f as NonNullable<typeof f>;
      });
      await page.waitForTimeout(600);
      // The frame's own registry: nothing painted there, though it names Neuralink and SpaceX.
      expect(await highlights(child)).toEqual({});
      expect(await child.evaluate(() => document.body.textContent)).toContain('Neuralink');
      await page.close();
    } finally {
      await other.close();
    }
  });

  it('works on a page served with a strict Content-Security-Policy, card styles included', async () => {
    const page = await open(env.browser, env.server.url('/csp.html'));
    await until(async () =>
      expect(await highlights(page)).toEqual({
        'rivalry-sam-altman': ['Sam Altman'],
        'rivalry-spacex': ['SpaceX'],
      }),
    );
    expect(await mutations(page)).toEqual([]);
    // The card is styled (the policy allows no inline style from the page).
    const { x, y } = await mentionRect(page, 'rivalry-spacex');
    await page.mouse.move(x, y, { steps: 3 });
    await until(async () => expect((await card(page))?.label).toBe('Rivalry Lens: SpaceX'));
    const look = await page.evaluate(() => {
      const el = document.querySelector('rivalry-lens')?.shadowRoot?.querySelector('.card');
      const s = el ? getComputedStyle(el) : null;
      return s && { radius: s.borderTopLeftRadius, position: s.position };
    });
    expect(look).toEqual({ radius: '10px', position: 'fixed' });
    await page.screenshot({ path: join(SHOTS, 'csp-card.png'), caret: 'initial' });
    await page.close();
  });

  it('keeps the page’s styles out of the card, even !important ones aimed at it', async () => {
    const page = await open(env.browser, env.server.url('/hostile.html'));
    await until(async () =>
      expect(await highlights(page)).toEqual({ 'rivalry-spacex': ['SpaceX'] }),
    );
    const { x, y } = await mentionRect(page, 'rivalry-spacex');
    await page.mouse.move(x, y, { steps: 3 });
    await until(async () => expect((await card(page))?.label).toBe('Rivalry Lens: SpaceX'));
    const look = await page.evaluate(() => {
      const el = document.querySelector('rivalry-lens')?.shadowRoot?.querySelector('.card h2');
      const s = el ? getComputedStyle(el) : null;
      return s && { color: s.color, size: s.fontSize, spacing: s.letterSpacing };
    });
    expect(look?.color).not.toBe('rgb(255, 0, 0)');
    expect(look?.size).not.toBe('40px');
    expect(look?.spacing).toBe('normal');
    // Sized in px, not rem: the page's root font size does not stretch it.
    const c = await card(page);
    expect((c?.rect.right ?? 0) - (c?.rect.left ?? 0)).toBeLessThanOrEqual(384);
    // Really visible: what is on top at the card's centre is our element.
    const onTop = await page.evaluate(
      ([cx, cy]) => document.elementFromPoint(cx as number, cy as number)?.localName,
      [
        ((c?.rect.left ?? 0) + (c?.rect.right ?? 0)) / 2,
        ((c?.rect.top ?? 0) + (c?.rect.bottom ?? 0)) / 2,
      ],
    );
    expect(onTop).toBe('rivalry-lens');
    await page.screenshot({ path: join(SHOTS, 'hostile-page-card.png'), caret: 'initial' });
    await page.close();
  });

  it('highlights nothing on a page of hard negatives', async () => {
    const page = await open(env.browser, env.server.url('/negatives.html'));
    // Read to the end, and nothing found: a count, not a wait.
    await until(async () =>
      expect(await pageSummary(env.browser.worker)).toMatchObject({ state: 'ready', total: 0 }),
    );
    expect(await highlights(page)).toEqual({});
    expect(await mutations(page)).toEqual([]);
    await page.close();
  });
});

describe('a page that keeps changing', () => {
  it('follows appended paragraphs, edited text and removed nodes', async () => {
    const page = await open(env.browser, env.server.url('/live.html'));
    await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true);
    await until(async () => {
      const h = await highlights(page);
      const lead = await page.textContent('#lead');
      expect(h['rivalry-stoke-space']).toHaveLength(12);
      // The edited text node's highlight moved with its text.
      expect(h['rivalry-openai'] ?? []).toEqual(lead === 'OpenAI' ? ['OpenAI'] : []);
      expect(h['rivalry-spacex'] ?? []).toEqual(lead === 'SpaceX' ? ['SpaceX'] : []);
      // The removed paragraph's mention is gone.
      expect(h['rivalry-neuralink']).toBeUndefined();
    });
    expect(foreign(await mutations(page))).toEqual([]);
    await page.close();
  });

  it('paints a paragraph the page adds in the frame that first shows it', async () => {
    const page = await open(env.browser, env.server.url('/live.html'));
    await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true);
    await until(async () =>
      expect((await highlights(page))['rivalry-stoke-space']).toHaveLength(12),
    );
    // Samples: a paragraph added in a task, then what the page sees in the callbacks of the
    // frame that first draws it. A sample tells only when no task ran in between (the page's own
    // zero-delay timer, set in that task, had not fired): our reading in tasks would then have
    // had no chance, so a highlight there was read and painted in the frame.
    const samples = await page.evaluate(async () => {
      const out: { taskRan: boolean; painted: boolean }[] = [];
      for (let i = 0; i < 40; i++) {
        out.push(
          await new Promise((resolve) => {
            let taskRan = false;
            const p = document.createElement('p');
            p.textContent = `Late news ${i}: Neuralink again.`;
            // Made after the content script's observer: its callback comes after ours, and so
            // does the frame callback it asks for.
            new MutationObserver((_, observer) => {
              observer.disconnect();
              requestAnimationFrame(() => {
                const hl = CSS.highlights.get('rivalry-neuralink') as unknown as
                  | Set<AbstractRange>
                  | undefined;
                const painted = [...(hl ?? [])].some((r) => r.startContainer.parentNode === p);
                resolve({ taskRan, painted });
              });
            }).observe(document.body, { childList: true, subtree: true });
            // From timers nested 8 deep: every zero-delay timer set in that task, the page's
            // and ours, waits at least 4 ms (the browser's clamp), so the frame often comes first.
            const nested = (depth: number) =>
              setTimeout(() => {
                if (depth > 0) return nested(depth - 1);
                document.body.append(p);
                setTimeout(() => {
                  taskRan = true;
                }, 0);
              }, 0);
            nested(8);
          }),
        );
        await new Promise((r) => setTimeout(r, 5 + ((i * 7) % 13)));
      }
      return out;
    });
    const telling = samples.filter((s) => !s.taskRan);
    // 27-28 of 40 tell on the machines this was written on.
    expect(telling.length, 'samples where the frame came before any task').toBeGreaterThanOrEqual(
      3,
    );
    expect(telling.filter((s) => !s.painted)).toEqual([]);
    await page.close();
  });
});

describe('the whole run', () => {
  it('sent no request beyond 127.0.0.1 and caused no page or console error', () => {
    expect(env.browser.requests.length).toBeGreaterThan(0);
    expect(foreignRequests(env.browser.requests)).toEqual([]);
    expect(env.browser.errors).toEqual([]);
  });
});
