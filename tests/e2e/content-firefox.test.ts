/**
 * The same content script in Firefox ESR (Debian's `firefox-esr`), driven by puppeteer-core over
 * WebDriver BiDi with the Firefox build (`wxt build -b firefox`, made here). Firefox applies
 * `::highlight` rules only within their own tree, so this is where the style sheet we adopt into
 * each open shadow root matters.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawsHighlightUnderlines } from '../../extension/browser-support';
import { entityFill } from '../../extension/palette';
import { hexToRgb } from '../../scripts/colour-math';
import {
  expandos,
  FIREFOX_UUID,
  type HighlightReading,
  pixelsOfColour,
  readHighlights,
  SHOTS,
  until,
  withFirefox,
} from './harness';

const ff = withFirefox(['--window-size=1100,800']);
/** Sorted by text, not by position as in Chromium, and names left with no range kept. */
const BY_TEXT: HighlightReading = { order: 'text', foldSpace: true, keepEmpty: true };
const highlights = () => ff.page.evaluate(readHighlights, BY_TEXT);

const log = () =>
  ff.page.evaluate(() => (window as unknown as { __mutations: unknown[] }).__mutations);

describe('Firefox ESR', () => {
  it('highlights split names, leaves the DOM alone', async () => {
    await ff.page.goto(ff.server.url('/split.html'));
    await until(async () =>
      expect(await highlights()).toEqual({
        'rivalry-sam-altman': ['Sam Altman'],
        'rivalry-stoke-space': ['Stoke Space', 'StokeSpace'],
        'rivalry-neuralink': ['Neuralink'],
        'rivalry-openai': ['OpenAI', 'OpenAI'],
        'rivalry-elon-musk': ['Elon Musk'],
        'rivalry-spacex': ['SpaceX', 'SpaceX'],
      }),
    );
    expect(await log()).toEqual([]);
    // Nor a property the page could see on a node we read.
    expect(await ff.page.evaluate(expandos)).toEqual([]);
  });

  it('styles highlights inside open shadow roots with an adopted sheet', async () => {
    await ff.page.goto(ff.server.url('/shadow.html'));
    // Six from the page as loaded, and xAI from a component defined 800 ms later.
    await until(async () => expect(Object.keys(await highlights())).toHaveLength(7));
    const sheets = await ff.page.evaluate(() => [
      document.adoptedStyleSheets.length,
      document.querySelector('news-card')?.shadowRoot?.adoptedStyleSheets.length,
    ]);
    expect(sheets).toEqual([1, 1]);
    expect(await log()).toEqual([]);
  });

  it('fills mentions on a dark page with the dark set', async () => {
    await ff.page.goto(ff.server.url('/dark-page.html'));
    await until(async () => expect(Object.keys(await highlights())).toHaveLength(8));
    const rules = await ff.page.evaluate(() =>
      document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'),
    );
    const rgb = (hex: string) => `rgb(${hexToRgb(hex).join(', ')})`;
    const rule = /::highlight\(rivalry-spacex\)\s*\{[^}]*\}/.exec(rules)?.[0] ?? rules;
    expect(rule).toContain(rgb(entityFill('spacex', 'dark')));
    await ff.page.screenshot({ path: join(SHOTS, 'colours-dark-firefox.png') });
    console.log(`screenshots: ${SHOTS}`);
  });

  it('opens the card on hover and closes it on Escape', async () => {
    await ff.page.goto(ff.server.url('/card.html'));
    await until(async () => {
      expect(await ff.page.evaluate(() => document.title)).toBe('Hover cards');
      expect(Object.keys(await highlights())).toHaveLength(7);
    });
    // Retried: right after a navigation the BiDi session may briefly see the old document.
    const at = await until(() =>
      ff.page.evaluate(() => {
        const hl = (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get(
          'rivalry-sam-altman',
        );
        const r = [...(hl ?? [])][0] as AbstractRange;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const b = range.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }),
    );
    await ff.page.mouse.move(at.x, at.y, { steps: 3 });
    const label = () =>
      ff.page.evaluate(() => {
        const el = document.querySelector('rivalry-lens')?.shadowRoot?.querySelector('.card');
        return el?.matches(':popover-open') ? el.getAttribute('aria-label') : null;
      });
    await until(async () => expect(await label()).toBe('Rivalry Lens: Sam Altman'));
    await ff.page.keyboard.press('Escape');
    expect(await label()).toBeNull();
  });

  it('"Not this" on XAI hides that wording on this page only, and Undo brings it back', async () => {
    await ff.page.goto(ff.server.url('/not-this.html'));
    const xai = async () => (await highlights())['rivalry-xai'] ?? [];
    await until(async () => expect(await xai()).toEqual(['XAI', 'xAI']));
    /** The centre of the uppercase XAI, or of a card button, for the real mouse. */
    const centre = (button?: string) =>
      ff.page.evaluate((name) => {
        if (name) {
          const root = document.querySelector('rivalry-lens')?.shadowRoot;
          const b = [...(root?.querySelectorAll('button') ?? [])].find(
            (el) => el.textContent === name,
          );
          const r = b?.getBoundingClientRect();
          return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
        }
        const hl = (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get(
          'rivalry-xai',
        );
        for (const r of hl ?? []) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (range.toString() !== 'XAI') continue;
          const b = range.getBoundingClientRect();
          return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }
        return null;
      }, button);
    const click = async (name: string) => {
      const at = await until(async () => {
        const c = await centre(name);
        expect(c).not.toBeNull();
        return c as { x: number; y: number };
      });
      await ff.page.mouse.click(at.x, at.y);
    };
    const at = await until(async () => (await centre()) as { x: number; y: number });
    await ff.page.mouse.move(at.x, at.y, { steps: 3 });
    await click('Not this');
    await click('On this page');
    await until(async () => expect(await xai()).toEqual(['xAI']));
    await click('Undo');
    await until(async () => expect(await xai()).toEqual(['XAI', 'xAI']));
  });

  it('keeps mentions visible in the underline style, as this Firefox can draw them', async () => {
    const options = await ff.browser.newPage();
    // WebDriver BiDi reports no load for an extension page: wait for what it shows instead.
    await options
      .goto(`moz-extension://${FIREFOX_UUID}/options.html`, { timeout: 3000 })
      .catch(() => undefined);
    const radio = () =>
      options.evaluate(() => {
        const underline = document.querySelector<HTMLInputElement>('input[value=underline]');
        const why = document.getElementById(underline?.getAttribute('aria-describedby') ?? '');
        return underline && { disabled: underline.disabled, why: why?.textContent ?? null };
      });
    /** The extension's synced settings, set (or, with `null`, the style removed) from its page. */
    const setStyle = (style: 'underline' | null) =>
      options.evaluate((value) => {
        const { sync } = (
          globalThis as unknown as {
            browser: {
              storage: {
                sync: { set(v: object): Promise<void>; remove(k: string): Promise<void> };
              };
            };
          }
        ).browser.storage;
        return value ? sync.set({ highlightStyle: value }) : sync.remove('highlightStyle');
      }, style);
    await until(async () => expect(await radio()).not.toBeNull());
    try {
      // As a settings file or another synced Firefox would leave it.
      await setStyle('underline');
      const ua = await ff.page.evaluate(() => navigator.userAgent);
      const underlines = drawsHighlightUnderlines(ua);
      expect(await radio()).toEqual(
        underlines
          ? { disabled: false, why: null }
          : { disabled: true, why: expect.stringMatching(/underlines need Firefox 146 or later/) },
      );
      await options.screenshot({ path: join(SHOTS, 'options-firefox.png') });

      await ff.page.bringToFront();
      await ff.page.goto(ff.server.url('/light-page.html'));
      await until(async () => expect(Object.keys(await highlights())).toHaveLength(8));
      const fill = hexToRgb(entityFill('neuralink', 'light'));
      const filled = async () => {
        const shot = await ff.page.screenshot({ encoding: 'base64' });
        return (await ff.page.evaluate(pixelsOfColour, [shot, fill, 2] as const)).matching;
      };
      if (underlines) {
        // Firefox 146 and later draw the underline alone, as Chromium does.
        await until(async () => expect(await filled()).toBe(0));
      } else {
        // Before 146 Firefox draws no highlight underline: the fill is painted instead of nothing.
        await until(async () => expect(await filled()).toBeGreaterThan(100));
      }
      await ff.page.screenshot({ path: join(SHOTS, 'underline-style-firefox.png') });
    } finally {
      await setStyle(null);
      await options.close();
    }
  });

  it('caused no page or console error', () => {
    expect(ff.errors).toEqual([]);
  });
});
