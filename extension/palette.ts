/**
 * The colours Rivalry Lens paints with: each entity's hue (the page's highlights, the card's
 * swatch, anything in the popup that stands for an entity) and the few UI colours set from
 * script. The popup's and options page's CSS colours are in components/theme.css; its accent
 * is `ACCENT` (a unit test holds the two together).
 */

const ENTITY_RGB: Readonly<Record<string, string>> = {
  openai: '16 163 127',
  spacex: '59 130 246',
  'stoke-space': '249 115 22',
  neuralink: '168 85 247',
  'sam-altman': '20 184 166',
  'elon-musk': '239 68 68',
  xai: '236 72 153',
  x: '14 165 233',
  'x-twitter': '14 165 233',
};
/** Hues for entities added to the dataset without a colour of their own. */
const SPARE_RGB = ['234 179 8', '132 204 22', '6 182 212', '217 70 239', '244 63 94'];

/** The entity's colour as space-separated RGB channels, for `rgb(… / alpha)`. */
export function entityRgb(entity: string): string {
  const known = ENTITY_RGB[entity];
  if (known) return known;
  let h = 0;
  for (let i = 0; i < entity.length; i++) h = (h * 31 + entity.charCodeAt(i)) >>> 0;
  return SPARE_RGB[h % SPARE_RGB.length] as string;
}

/** The brand accent: the toolbar badge, and `--accent` of the popup and options page. */
export const ACCENT = '#3d3a8c';

/** The mention just revealed (next mention, a summary line clicked), as RGB channels. */
export const FLASH_RGB = '250 204 21';
