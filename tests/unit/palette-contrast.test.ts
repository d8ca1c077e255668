/**
 * The entity fills, checked from the palette itself: pairwise CIEDE2000 on light and dark pages,
 * link and body text contrast on every fill, and how far apart they stay for colour-blind readers.
 */
import { describe, expect, it } from 'vitest';
import { dataset } from '../../core/rivalry-data';
import {
  type ColourScheme,
  entityFill,
  entityRgb,
  FILL_TEXT,
  FLASH_RGB,
} from '../../extension/palette';
import {
  ciede2000,
  composite,
  contrast,
  type Deficiency,
  deltaE,
  hexToRgb,
  type Rgb,
  simulate,
} from '../../scripts/colour-math';

const highlighted = dataset.entities.filter((e) => e.highlight).map((e) => e.id as string);

/** What each fill must hold up against on a page of that scheme. */
const PAGES: Record<
  ColourScheme,
  { backgrounds: string[]; link: string; text: string; apart: number }
> = {
  light: { backgrounds: ['#ffffff'], link: '#3366cc', text: FILL_TEXT.light, apart: 10 },
  dark: { backgrounds: ['#121212', '#202124'], link: '#8ab4f8', text: FILL_TEXT.dark, apart: 15 },
};
const SCHEMES = Object.keys(PAGES) as ColourScheme[];

/** A fill (`#rrggbb` or `#rrggbbaa`) as seen over an opaque page background. */
function seen(fill: string, background: string): Rgb {
  const alpha = fill.length === 9 ? Number.parseInt(fill.slice(7), 16) / 255 : 1;
  return composite(hexToRgb(fill.slice(0, 7)), alpha, hexToRgb(background));
}

function pairs<T>(items: readonly T[]): [T, T][] {
  return items.flatMap((a, i) => items.slice(i + 1).map((b) => [a, b] as [T, T]));
}

describe('CIEDE2000 (Sharma, Wu and Dalal 2005 test data)', () => {
  const cases: [[number, number, number], [number, number, number], number][] = [
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
    [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[50, 2.5, 0], [56, -27, -3], 31.903],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
    [[90.8027, -2.0831, 1.441], [91.1528, -1.6435, 0.0447], 1.4441],
  ];
  it.each(cases)('%j to %j is %d', (a, b, expected) => {
    expect(ciede2000(a, b)).toBeCloseTo(expected, 4);
    expect(ciede2000(b, a)).toBeCloseTo(expected, 4);
  });
});

describe('the eight highlighted entities', () => {
  it('are the ones the palette is checked for', () => {
    expect(highlighted).toHaveLength(8);
  });

  for (const scheme of SCHEMES) {
    const page = PAGES[scheme];
    for (const background of page.backgrounds) {
      it(`differ from each other by CIEDE2000 15 or more on a ${scheme} page (${background})`, () => {
        const close = pairs(highlighted)
          .map(([a, b]) => ({
            pair: `${a}/${b}`,
            d: deltaE(
              seen(entityFill(a, scheme), background),
              seen(entityFill(b, scheme), background),
            ),
          }))
          .filter(({ d }) => d < 15);
        expect(close).toEqual([]);
      });

      it(`keep link and body text at 4.5:1 on a ${scheme} page (${background})`, () => {
        const low = highlighted.flatMap((id) => {
          const fill = seen(entityFill(id, scheme), background);
          return [page.link, page.text]
            .map((text) => ({ id, text, ratio: contrast(hexToRgb(text), fill) }))
            .filter(({ ratio }) => ratio < 4.5);
        });
        expect(low).toEqual([]);
      });

      it(`stand out from the ${scheme} page itself (${background})`, () => {
        for (const id of highlighted) {
          const d = deltaE(seen(entityFill(id, scheme), background), hexToRgb(background));
          expect(d, id).toBeGreaterThanOrEqual(page.apart);
        }
      });
    }
  }

  // Fills this light leave colour-blind readers little lightness to tell them by; these floors
  // are what the search in scripts/palette-search.ts reached, so that a new colour cannot lower them.
  const BLIND_FLOOR: Record<ColourScheme, Record<Exclude<Deficiency, 'tritanopia'>, number>> = {
    light: { protanopia: 3, deuteranopia: 2.8 },
    dark: { protanopia: 9, deuteranopia: 9 },
  };
  for (const scheme of SCHEMES)
    for (const kind of ['protanopia', 'deuteranopia'] as const) {
      it(`stay apart with ${kind} on a ${scheme} page`, () => {
        const background = PAGES[scheme].backgrounds[0] as string;
        const worst = Math.min(
          ...pairs(highlighted).map(([a, b]) =>
            deltaE(
              simulate(seen(entityFill(a, scheme), background), kind),
              simulate(seen(entityFill(b, scheme), background), kind),
            ),
          ),
        );
        expect(worst).toBeGreaterThanOrEqual(BLIND_FLOOR[scheme][kind]);
      });
    }

  it('are all unlike the mark of the mention just revealed, which keeps its text legible', () => {
    const flash = FLASH_RGB.split(' ').map(Number) as unknown as Rgb;
    for (const scheme of SCHEMES)
      for (const id of highlighted) {
        const fill = seen(entityFill(id, scheme), PAGES[scheme].backgrounds[0] as string);
        const flashed = composite(flash, 0.85, fill);
        expect(deltaE(flashed, fill), `${id} on a ${scheme} page`).toBeGreaterThanOrEqual(20);
        expect(contrast(flashed, hexToRgb('#111111'))).toBeGreaterThanOrEqual(4.5);
      }
  });

  it('have underline colours at 3:1 against light and dark pages', () => {
    for (const id of highlighted) {
      const ink = entityRgb(id).split(' ').map(Number) as unknown as Rgb;
      for (const background of ['#ffffff', ...PAGES.dark.backgrounds])
        expect(
          contrast(ink, hexToRgb(background)),
          `${id} on ${background}`,
        ).toBeGreaterThanOrEqual(3);
    }
  });
});
