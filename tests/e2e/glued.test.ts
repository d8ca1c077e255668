/**
 * Words glued by markup (issue #16): a React page renders rows of links, chips and bylines with
 * no white space between elements. Names in boxes of their own are found, two buttons "Open"
 * "AI" are not one name, and a name split inside inline text still is.
 */
import { describe, expect, it } from 'vitest';
import { bundleFixture, highlights, open, until, withExtension } from './harness';

const env = withExtension({
  extra: async () => ({ '/glued-react.js': await bundleFixture('glued-react.js', 'GluedApp') }),
});

describe('elements glued without white space', () => {
  it('are read apart where the browser draws them apart, and together inside a word', async () => {
    const page = await open(env.browser, env.server.url('/glued.html'));
    await until(async () =>
      expect(await highlights(page)).toEqual({
        'rivalry-openai': ['OpenAI', 'OpenAI'],
        'rivalry-spacex': ['SpaceX'],
        'rivalry-neuralink': ['Neuralink', 'Neuralink'],
        'rivalry-xai': ['xAI'],
        'rivalry-stoke-space': ['Stoke Space'],
        'rivalry-elon-musk': ['Elon Musk'],
        'rivalry-sam-altman': ['Sam Altman'],
      }),
    );
    // The buttons' "Open" and "AI" are not a name: the only OpenAI outside the nav is inline.
    const inButtons = await page.evaluate(() => {
      const registry = CSS.highlights as unknown as Map<string, Set<AbstractRange>>;
      const buttons = document.getElementById('buttons') as HTMLElement;
      return [...(registry.get('rivalry-openai') ?? [])].some((r) =>
        buttons.contains(r.startContainer),
      );
    });
    expect(inButtons).toBe(false);
    await page.close();
  });
});
