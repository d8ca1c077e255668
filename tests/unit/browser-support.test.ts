import { describe, expect, it } from 'vitest';
import { drawsHighlightUnderlines } from '../../extension/browser-support';

const FIREFOX = (v: number) =>
  `Mozilla/5.0 (X11; Linux x86_64; rv:${v}.0) Gecko/20100101 Firefox/${v}.0`;

describe('drawsHighlightUnderlines', () => {
  it('is false in the Firefox versions before 146, Debian’s ESR 140 among them', () => {
    expect(drawsHighlightUnderlines(FIREFOX(140))).toBe(false);
    expect(drawsHighlightUnderlines(FIREFOX(145))).toBe(false);
    expect(
      drawsHighlightUnderlines(
        'Mozilla/5.0 (Android 14; Mobile; rv:142.0) Gecko/142.0 Firefox/142.0',
      ),
    ).toBe(false);
  });

  it('is true from Firefox 146, and in Chromium', () => {
    expect(drawsHighlightUnderlines(FIREFOX(146))).toBe(true);
    expect(drawsHighlightUnderlines(FIREFOX(153))).toBe(true);
    expect(
      drawsHighlightUnderlines(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
      ),
    ).toBe(true);
  });
});
