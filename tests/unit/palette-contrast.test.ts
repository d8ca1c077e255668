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
  ENTITY_FILLS,
  ENTITY_UNDERLINES,
  entityUnderline,
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

describe('the highlighted entities', () => {
  // A new entity without colours of its own would borrow another's and look like it on the page.
  it.each(SCHEMES)('each have a fill and an underline of their own on a %s page', (scheme) => {
    expect(highlighted.filter((id) => !ENTITY_FILLS[scheme][id])).toEqual([]);
    expect(highlighted.filter((id) => !ENTITY_UNDERLINES[scheme][id])).toEqual([]);
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

  // Fills this light leave colour-blind readers little lightness to tell them by (the underlines
  // below are what tells the entities apart for them); these floors are what the search in
  // scripts/palette-search.ts reached, so that a new colour cannot lower them.
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

  it('have card swatch inks at 3:1 against light and dark pages', () => {
    for (const id of highlighted) {
      const ink = entityRgb(id).split(' ').map(Number) as unknown as Rgb;
      for (const background of ['#ffffff', ...PAGES.dark.backgrounds])
        expect(
          contrast(ink, hexToRgb(background)),
          `${id} on ${background}`,
        ).toBeGreaterThanOrEqual(3);
    }
  });

  /*
   * Colour-blind-safe, as measured here: with protanopia, deuteranopia and tritanopia simulated
   * (Machado, Oliveira and Fernandes 2009, severity 1) and in normal vision, every two entities'
   * underlines differ by CIEDE2000 15 or more, the distance the issue asks of the fills in normal
   * vision. That is further apart than Okabe and Ito's colour-universal-design set (the usual
   * reference for a colour-blind-safe set; Wong, Nature Methods 8, 441, 2011), computed the same
   * way below, which also cannot keep 3:1 on a white page.
   */
  const OKABE_ITO = [
    '#e69f00',
    '#56b4e9',
    '#009e73',
    '#f0e442',
    '#0072b2',
    '#d55e00',
    '#cc79a7',
    '#000000',
  ];
  const VISIONS = [null, 'protanopia', 'deuteranopia', 'tritanopia'] as const;
  const seenAs = (hex: string, kind: Deficiency | null) =>
    kind ? simulate(hexToRgb(hex), kind) : hexToRgb(hex);
  const closest = (colours: string[], kind: Deficiency | null) =>
    Math.min(...pairs(colours).map(([a, b]) => deltaE(seenAs(a, kind), seenAs(b, kind))));

  for (const scheme of SCHEMES)
    for (const kind of VISIONS) {
      const vision = kind ?? 'normal vision';
      it(`have underlines 15 apart with ${vision} on a ${scheme} page`, () => {
        const close = pairs(highlighted)
          .map(([a, b]) => ({
            pair: `${a}/${b}`,
            d: deltaE(
              seenAs(entityUnderline(a, scheme), kind),
              seenAs(entityUnderline(b, scheme), kind),
            ),
          }))
          .filter(({ d }) => d < 15);
        expect(close).toEqual([]);
        // Deficiencies only: in normal vision Okabe–Ito spends its spread on colours too pale for 3:1.
        if (kind)
          expect(
            closest(
              highlighted.map((id) => entityUnderline(id, scheme)),
              kind,
            ),
          ).toBeGreaterThan(closest(OKABE_ITO, kind));
      });
    }

  it('Okabe–Ito, the reference, is below the bar with each deficiency simulated', () => {
    // Checks the simulation itself: a set designed for dichromats keeps about 11–12 apart.
    for (const kind of VISIONS.slice(1)) {
      const d = closest(OKABE_ITO, kind);
      expect(d, kind ?? '').toBeGreaterThan(10);
      expect(d, kind ?? '').toBeLessThan(15);
    }
  });

  for (const scheme of SCHEMES)
    it(`have underlines at 3:1 against the ${scheme} page and every ${scheme} fill`, () => {
      // WCAG 2.2 1.4.11 (non-text contrast); the line is drawn over the fill, and past it.
      const walls = [
        ...PAGES[scheme].backgrounds,
        ...highlighted.map((id) => entityFill(id, scheme)),
      ];
      const low = highlighted.flatMap((id) =>
        walls
          .map((wall) => ({
            id,
            wall,
            ratio: contrast(hexToRgb(entityUnderline(id, scheme)), hexToRgb(wall)),
          }))
          .filter(({ ratio }) => ratio < 3),
      );
      expect(low).toEqual([]);
    });
});
