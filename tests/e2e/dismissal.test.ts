/**
 * "Not this" on a name written across a line break (`Stoke<br>Space`): the content script and
 * the background must agree on what was dismissed, or the stored dismissal undoes the one the
 * page applied (a second later) and the name comes back on every reload.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { card, highlights, mentionRect, open, until, withExtension } from './harness';

const env = withExtension();
let page: Page;

/** The highlighted Stoke Space mentions, by the id of the paragraph each is in. */
function stokeParagraphs(p: Page) {
  return p.evaluate(() => {
    const hl = (CSS.highlights as unknown as Map<string, Set<AbstractRange>>).get(
      'rivalry-stoke-space',
    );
    return [...(hl ?? [])].map((r) => (r.startContainer.parentElement as Element).id).sort();
  });
}

function storedDismissals() {
  return env.browser.worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
    return (await c.storage.local.get('dismissals')).dismissals as unknown[] | undefined;
  });
}

beforeAll(async () => {
  page = await open(env.browser, env.server.url('/split.html'));
  await until(async () => expect(await stokeParagraphs(page)).toEqual(['p1', 'p4']));
});

describe('"Not this" on a name across a line break', () => {
  it('stays dismissed once stored, and after a reload', async () => {
    const { x, y } = await mentionRect(page, 'rivalry-stoke-space', 'StokeSpace');
    await page.mouse.move(x, y, { steps: 4 });
    await until(async () => expect((await card(page))?.label).toBe('Rivalry Lens: Stoke Space'));
    await page.evaluate(() => {
      const root = document.querySelector('rivalry-lens')?.shadowRoot;
      const button = [...(root?.querySelectorAll('button') ?? [])].find(
        (b) => b.textContent === 'Not this',
      );
      (button as HTMLButtonElement).click();
    });
    // The whole site: the other paragraph's "Stoke Space" goes too.
    await page.locator('rivalry-lens').getByRole('button', { name: 'On this site' }).click();
    await until(async () => expect(await stokeParagraphs(page)).not.toContain('p4'));

    // The background stores the wording; the page then hears of the stored list.
    await until(async () =>
      expect(await storedDismissals()).toEqual([
        { site: '127.0.0.1', entity: 'stoke-space', text: 'Stoke Space' },
      ]),
    );
    // The same wording, white space aside, is dismissed wherever it stands on the site.
    await until(async () => expect(await stokeParagraphs(page)).toEqual([]));
    // Other names are untouched.
    expect(Object.keys(await highlights(page))).toContain('rivalry-neuralink');

    await page.reload();
    await until(async () =>
      expect(Object.keys(await highlights(page))).toContain('rivalry-neuralink'),
    );
    expect(await stokeParagraphs(page)).toEqual([]);
  });
});
