/**
 * The colours Rivalry Lens paints with: each entity's hue (the page's highlights, the card's
 * swatch, anything in the popup that stands for an entity) and the few UI colours set from
 * script. The popup's and options page's CSS colours are in components/theme.css; its accent
 * is `ACCENT` (a unit test holds the two together).
 */
import { drawsHighlightUnderlines } from './browser-support';

/** Light pages (a light background behind the text) or dark ones; see content/paint/page-scheme.ts. */
export type ColourScheme = 'light' | 'dark';

/**
 * The highlight fills, opaque, one set per page scheme, found by scripts/palette-search.ts and
 * matched to entities by hue. Links must keep 4.5:1 on them (#3366cc on light pages, #8ab4f8 on
 * dark ones), which leaves light fills almost no lightness to vary (very pale) and dark fills
 * little (deep, yet not so dark or vivid that they vanish into the page or glare); within that,
 * the eight differ by CIEDE2000 15 or more and are spread as far as that search could for
 * protanopia and deuteranopia. tests/unit/palette-contrast.test.ts holds them to it.
 */
export const ENTITY_FILLS: Readonly<Record<ColourScheme, Readonly<Record<string, string>>>> = {
  light: {
    openai: '#aeffc3',
    spacex: '#d8f0ff',
    'stoke-space': '#ffead5',
    neuralink: '#b4fff9',
    'sam-altman': '#c3ff69',
    'elon-musk': '#fcf300',
    xai: '#ffe7f3',
    'x-twitter': '#fcffc6',
  },
  dark: {
    openai: '#004c40',
    spacex: '#203c98',
    'stoke-space': '#442424',
    neuralink: '#441058',
    'sam-altman': '#404800',
    'elon-musk': '#382804',
    xai: '#880c3c',
    'x-twitter': '#44405c',
  },
};

/**
 * Each entity's underline, drawn under its mentions with either highlight style, one set per page
 * scheme: the channel that tells the entities apart for colour-blind readers, whom the pale fills
 * fail (links keep 4.5:1 only on fills so light that, with protanopia or deuteranopia, they differ
 * by little more than CIEDE2000 3). Found by `UNDERLINES=1 npx tsx scripts/palette-search.ts`:
 * any two differ by CIEDE2000 15 or more in normal vision and with each simulated dichromacy, and
 * each keeps 3:1 against the page and every fill of its scheme.
 * tests/unit/palette-contrast.test.ts holds them to it.
 */
export const ENTITY_UNDERLINES: Readonly<Record<ColourScheme, Readonly<Record<string, string>>>> = {
  light: {
    openai: '#409868',
    spacex: '#483878',
    'stoke-space': '#782840',
    neuralink: '#9070f8',
    'sam-altman': '#0000f8',
    'elon-musk': '#e84810',
    xai: '#b87098',
    'x-twitter': '#a80000',
  },
  dark: {
    openai: '#80f8d8',
    spacex: '#08b0b0',
    'stoke-space': '#f8f838',
    neuralink: '#f8b8f8',
    'sam-altman': '#889800',
    'elon-musk': '#a8c880',
    xai: '#f85098',
    'x-twitter': '#9080f8',
  },
};

/**
 * Each entity's ink, for thin marks (the underline style, the card's swatch): the hue it is known
 * by at CIE lightness 52, which keeps 3:1 against both white and dark pages.
 */
const ENTITY_RGB: Readonly<Record<string, string>> = {
  openai: '4 143 73',
  spacex: '7 121 242',
  'stoke-space': '206 89 0',
  neuralink: '167 73 254',
  'sam-altman': '6 138 141',
  'elon-musk': '247 3 52',
  xai: '237 3 144',
  'x-twitter': '6 133 181',
};

function spare<T>(entity: string, choices: readonly T[]): T {
  let h = 0;
  for (let i = 0; i < entity.length; i++) h = (h * 31 + entity.charCodeAt(i)) >>> 0;
  return choices[h % choices.length] as T;
}

/** The entity's ink as space-separated RGB channels, for `rgb(…)`. */
export function entityRgb(entity: string): string {
  return ENTITY_RGB[entity] ?? spare(entity, Object.values(ENTITY_RGB));
}

/**
 * The entity's highlight fill on a page of `scheme`, as `#rrggbb`. An entity added to the dataset
 * without a colour of its own borrows one of the eight.
 */
export function entityFill(entity: string, scheme: ColourScheme): string {
  const fills = ENTITY_FILLS[scheme];
  return fills[entity] ?? spare(entity, Object.values(fills));
}

/** The entity's underline on a page of `scheme`, as `#rrggbb` (borrowed, as fills are, when new). */
export function entityUnderline(entity: string, scheme: ColourScheme): string {
  const inks = ENTITY_UNDERLINES[scheme];
  return inks[entity] ?? spare(entity, Object.values(inks));
}

/**
 * A swatch that looks like the entity's mentions: a `background` of its fill with a band of its
 * underline colour along the bottom (the popup's rows, the card, the options page), or the fill
 * alone where the browser draws no highlight underline.
 */
export function entitySwatch(entity: string, scheme: ColourScheme, underline = true): string {
  const fill = entityFill(entity, scheme);
  if (!underline) return fill;
  const ink = entityUnderline(entity, scheme);
  return `linear-gradient(${ink}, ${ink}) bottom / 100% 30% no-repeat ${fill}`;
}

/**
 * The swatch of both schemes as the custom properties the stylesheets pick from; by default
 * with the underline only where this browser draws it on pages (extension/browser-support.ts).
 */
export function swatchVars(
  entity: string,
  underline = drawsHighlightUnderlines(globalThis.navigator?.userAgent ?? ''),
): Record<'--swatch-light' | '--swatch-dark', string> {
  return {
    '--swatch-light': entitySwatch(entity, 'light', underline),
    '--swatch-dark': entitySwatch(entity, 'dark', underline),
  };
}

/**
 * The text colour inside a fill of each scheme. A mention takes it, whatever the page's own text
 * colour there: a pale fill under the white text of a dark banner on a light page (or a deep
 * fill under dark text on a dark one) would be unreadable, and every fill keeps 4.5:1 with it.
 */
export const FILL_TEXT: Readonly<Record<ColourScheme, string>> = {
  light: '#1c1d21',
  dark: '#e8eaed',
};

/** The brand accent: the toolbar badge, and `--accent` of the popup and options page. */
export const ACCENT = '#3d3a8c';

/**
 * The mention just revealed (next mention, a summary line clicked), as RGB channels, painted at
 * 0.85 over the fill with #111 text: an orange no fill of either scheme comes near, where the
 * earlier yellow all but matched Elon Musk's light fill.
 */
export const FLASH_RGB = '249 115 22';
