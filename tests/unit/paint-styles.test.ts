import { describe, expect, it } from 'vitest';
import { highlightCss, markStyle } from '../../content/paint/styles';
import { entityFill, entityUnderline, FILL_TEXT } from '../../extension/palette';

const ids = ['openai', 'spacex'];

describe('highlight rules by page scheme', () => {
  it('fill light pages with the light set and dark pages with the dark set', () => {
    const light = highlightCss(ids, 'fill', 'root', 'light');
    const dark = highlightCss(ids, 'fill', 'root', 'dark');
    for (const id of ids) {
      expect(light).toContain(
        `:root::highlight(rivalry-${id}){background-color:${entityFill(id, 'light')};color:${FILL_TEXT.light};text-decoration:`,
      );
      expect(dark).toContain(
        `:root::highlight(rivalry-${id}){background-color:${entityFill(id, 'dark')};color:${FILL_TEXT.dark};text-decoration:`,
      );
      expect(light).not.toContain(entityFill(id, 'dark'));
    }
    // Without a scheme: the light set, that of the sheet adopted at document start.
    expect(highlightCss(ids, 'fill', 'root')).toBe(light);
  });

  it('fill fallback marks the same way', () => {
    expect(markStyle('spacex', 'fill', 'dark')).toMatch(
      `all:unset;display:inline;background-color:${entityFill('spacex', 'dark')};color:${FILL_TEXT.dark};text-decoration:underline wavy 2px ${entityUnderline('spacex', 'dark')};`,
    );
    expect(markStyle('spacex', 'fill')).toContain(entityFill('spacex', 'light'));
  });
});

describe('the underline', () => {
  // A plain thin underline in a page's text reads as a link.
  const notALink = /text-decoration:underline (wavy|dotted) (\d+)px (#[0-9a-f]{6})/;
  const rule = (css: string, id: string) =>
    new RegExp(`::highlight\\(rivalry-${id}\\)\\{([^}]*)\\}`).exec(css)?.[1] ?? '';

  it('is wavy and thick, in the entity’s underline of the scheme, with either style', () => {
    for (const style of ['underline', 'fill'] as const)
      for (const scheme of ['light', 'dark'] as const) {
        const css = highlightCss(['openai', 'xai'], style, 'tree', scheme);
        for (const id of ['openai', 'xai']) {
          const [, , width, ink] = notALink.exec(rule(css, id)) ?? [];
          expect(Number(width), rule(css, id)).toBeGreaterThanOrEqual(2);
          expect(ink, `${id} ${style} ${scheme}`).toBe(entityUnderline(id, scheme));
        }
        expect(rule(css, 'openai').includes('background-color')).toBe(style === 'fill');
      }
  });

  it('is the same on fallback marks', () => {
    const style = markStyle('xai', 'underline', 'dark');
    const [, , width, ink] = notALink.exec(style) ?? [];
    expect(Number(width), style).toBeGreaterThanOrEqual(2);
    expect(ink).toBe(entityUnderline('xai', 'dark'));
    expect(style).toContain('text-underline-offset:');
  });
});
