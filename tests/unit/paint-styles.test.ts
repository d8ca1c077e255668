import { describe, expect, it } from 'vitest';
import { highlightCss, markStyle } from '../../content/paint/styles';
import { entityFill, entityRgb, FILL_TEXT } from '../../extension/palette';

const ids = ['openai', 'spacex'];

describe('highlight rules by page scheme', () => {
  it('fill light pages with the light set and dark pages with the dark set', () => {
    const light = highlightCss(ids, 'fill', 'root', 'light');
    const dark = highlightCss(ids, 'fill', 'root', 'dark');
    for (const id of ids) {
      expect(light).toContain(
        `:root::highlight(rivalry-${id}){background-color:${entityFill(id, 'light')};color:${FILL_TEXT.light};}`,
      );
      expect(dark).toContain(
        `:root::highlight(rivalry-${id}){background-color:${entityFill(id, 'dark')};color:${FILL_TEXT.dark};}`,
      );
      expect(light).not.toContain(entityFill(id, 'dark'));
    }
    // Without a scheme: the light set, that of the sheet adopted at document start.
    expect(highlightCss(ids, 'fill', 'root')).toBe(light);
  });

  it('fill fallback marks the same way', () => {
    expect(markStyle('spacex', 'fill', 'dark')).toBe(
      `all:unset;display:inline;background-color:${entityFill('spacex', 'dark')};color:${FILL_TEXT.dark};`,
    );
    expect(markStyle('spacex', 'fill')).toContain(entityFill('spacex', 'light'));
  });
});

describe('the underline style', () => {
  // A plain thin underline in a page's text reads as a link.
  const notALink = /text-decoration:underline (wavy|dotted) (\d+)px rgb\(([\d ]+)\)/;

  it('is wavy and thick in the highlight rules, in the entity’s ink, on either scheme', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const css = highlightCss(['openai'], 'underline', 'tree', scheme);
      const rule = /::highlight\(rivalry-openai\)\{([^}]*)\}/.exec(css)?.[1] ?? '';
      const [, , width, rgb] = notALink.exec(rule) ?? [];
      expect(Number(width), rule).toBeGreaterThanOrEqual(2);
      expect(rgb).toBe(entityRgb('openai'));
      expect(rule).not.toContain('background-color');
    }
  });

  it('is the same on fallback marks', () => {
    const style = markStyle('xai', 'underline', 'dark');
    const [, , width, rgb] = notALink.exec(style) ?? [];
    expect(Number(width), style).toBeGreaterThanOrEqual(2);
    expect(rgb).toBe(entityRgb('xai'));
    expect(style).toContain('text-underline-offset:');
  });
});
