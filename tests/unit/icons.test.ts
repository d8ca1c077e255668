import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import {
  ICON_SIZES,
  ICON_SOURCE,
  iconFiles,
  iconPath,
  resvgOptions,
  stateSvg,
} from '../../build/icons';
import { STATE_ICON_FILES, type ToolbarState } from '../../extension/toolbar-state';

const source = readFileSync(ICON_SOURCE, 'utf8');

/** How many of the drawing's opaque pixels have colour (not a grey), at 64 px. */
function colouredPixels(svg: string): number {
  const image = new Resvg(svg, resvgOptions(64)).render();
  const px = image.pixels;
  let count = 0;
  for (let i = 0; i < px.length; i += 4) {
    const [r, g, b, a] = [px[i] ?? 0, px[i + 1] ?? 0, px[i + 2] ?? 0, px[i + 3] ?? 0];
    if (a > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 24) count++;
  }
  return count;
}

/** A PNG's width and height, from its IHDR chunk. */
const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('state icons from one drawing', () => {
  it('keeps each marked group only in the states it names', () => {
    const groups = (state: ToolbarState) =>
      [...stateSvg(source, state).matchAll(/<g id="([\w-]+)" data-state/g)].map((m) => m[1]);
    expect(groups('on')).toEqual(['sides']);
    expect(groups('site-off')).toEqual(['empty-glass', 'strike']);
    expect(groups('paused')).toEqual(['empty-glass', 'pause']);
  });

  it('has no text, which the renders would draw without a font', () => {
    expect(source).not.toMatch(/<text\b/);
  });

  it('is in colour when on and greyed where nothing is highlighted', () => {
    expect(colouredPixels(stateSvg(source, 'on'))).toBeGreaterThan(500);
    expect(colouredPixels(stateSvg(source, 'site-off'))).toBe(0);
    expect(colouredPixels(stateSvg(source, 'paused'))).toBe(0);
  });

  it('renders every manifest size and every state file, each at its size', () => {
    const files = iconFiles(source);
    expect([...files.keys()].sort()).toEqual(
      [...ICON_SIZES.map(iconPath), ...STATE_ICON_FILES].sort(),
    );
    for (const [path, png] of files) {
      const size = Number(/(\d+)\.png$/.exec(path)?.[1]);
      expect(pngSize(png), path).toEqual([size, size]);
    }
    expect(files.get('icon/paused-16.png')).not.toEqual(files.get('icon/on-16.png'));
    expect(files.get('icon/site-off-16.png')).not.toEqual(files.get('icon/paused-16.png'));
  });
});
