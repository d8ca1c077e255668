/**
 * Closed shadow roots in Firefox ESR (issue #16): read through the `openOrClosedShadowRoot`
 * property Firefox gives content scripts, and painted by the sheet adopted into the root (Firefox
 * applies `::highlight` rules only within their own tree).
 */
import { describe, expect, it } from 'vitest';
import { entityFill } from '../../extension/palette';
import { hexToRgb } from '../../scripts/colour-math';
import {
  firstRangeBox,
  type HighlightReading,
  pixelsOfColour,
  readHighlights,
  until,
  withFirefox,
} from './harness';

const ff = withFirefox(['--window-size=1100,800']);
/** Each highlight's ranges' text as the registry holds them, unfolded, empty names kept. */
const AS_REGISTERED: HighlightReading = { order: 'registry', foldSpace: false, keepEmpty: true };

/** The share of the box of `name`'s first range painted `hex` (±2). */
async function paintedShare(name: string, hex: string): Promise<number> {
  const box = await ff.page.evaluate(firstRangeBox, name);
  const png = Buffer.from(await ff.page.screenshot({ clip: box })).toString('base64');
  const { matching, total } = await ff.page.evaluate(pixelsOfColour, [
    png,
    [...hexToRgb(hex)],
    2,
  ] as const);
  return matching / total;
}

describe('Firefox ESR on closed shadow roots', () => {
  it('reads, counts and paints their mentions', async () => {
    await ff.page.goto(ff.server.url('/closed-shadow.html'));
    await until(async () =>
      expect(await ff.page.evaluate(readHighlights, AS_REGISTERED)).toEqual({
        'rivalry-openai': ['OpenAI'],
        'rivalry-neuralink': ['Neuralink'],
        'rivalry-sam-altman': ['Sam Altman'],
        'rivalry-spacex': ['SpaceX'],
        'rivalry-stoke-space': ['Stoke Space'],
        'rivalry-xai': ['xAI'],
      }),
    );
    for (const id of ['sam-altman', 'stoke-space'])
      expect(await paintedShare(`rivalry-${id}`, entityFill(id, 'light')), id).toBeGreaterThan(0.4);
  });
});
