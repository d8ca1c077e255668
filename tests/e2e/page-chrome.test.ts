/**
 * Page chrome (issue #16): share and follow widgets, and links to the platform whose text is only
 * its name or a share/follow phrase, are neither highlighted nor counted; the article's own
 * mentions of X, linked or not, are.
 */
import { describe, expect, it } from 'vitest';
import { highlights, open, pageSummary, until, withExtension } from './harness';

const env = withExtension();

describe('a news page with share and follow widgets', () => {
  it('highlights and counts the article, not its furniture', async () => {
    const page = await open(env.browser, env.server.url('/share-widgets.html'));
    await until(async () => expect((await highlights(page))['rivalry-spacex']).toEqual(['SpaceX']));
    const where = await page.evaluate(() => {
      const registry = CSS.highlights as unknown as Map<string, Set<AbstractRange>>;
      const out: Record<string, string[]> = {};
      for (const [name, hl] of registry) {
        for (const r of hl) {
          const el = r.startContainer.parentElement?.closest('[id]');
          const id = el?.id ?? '?';
          out[id] ??= [];
          out[id].push(
            `${name.slice(8)}:${r.startContainer.textContent?.slice(r.startOffset, r.endOffset)}`,
          );
        }
      }
      return out;
    });
    expect(Object.keys(where).sort()).toEqual(['prose', 'title']);
    // Three times X in the article: a linked bare name in a sentence, a plain one, and a link
    // whose text is a sentence.
    expect(where.prose?.sort()).toEqual([
      'elon-musk:Elon Musk',
      'sam-altman:Sam Altman',
      'spacex:SpaceX',
      'x-twitter:X',
      'x-twitter:X',
      'x-twitter:X',
      'xai:xAI',
    ]);
    const summary = await pageSummary(env.browser.worker);
    expect(summary.total).toBe(Object.values(where).flat().length);
    await page.close();
  });
});
