import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../core/rivalry-data';
import { ACCENT, entityFill, entityRgb, entityUnderline, FLASH_RGB } from '../../extension/palette';

const CHANNELS = /^(\d{1,3}) (\d{1,3}) (\d{1,3})$/;

describe('entityRgb', () => {
  it('gives the dataset’s entities their own colours', () => {
    expect(entityRgb('stoke-space')).toBe('206 89 0');
    expect(entityRgb('openai')).toBe('4 143 73');
    for (const entity of dataset.entities) {
      const [, ...channels] = CHANNELS.exec(entityRgb(entity.id)) ?? [];
      expect(channels, entity.id).toHaveLength(3);
      for (const c of channels) expect(Number(c)).toBeLessThanOrEqual(255);
    }
  });

  it('gives an entity without a colour a spare one, the same every time', () => {
    const first = entityRgb('some-new-entity');
    expect(first).toMatch(CHANNELS);
    expect(entityRgb('some-new-entity')).toBe(first);
    const spares = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => entityRgb(id)));
    expect(spares.size).toBeGreaterThan(1);
  });

  it('gives every entity a fill for light pages and one for dark pages', () => {
    for (const entity of [...dataset.entities.map((e) => e.id as string), 'some-new-entity']) {
      expect(entityFill(entity, 'light'), entity).toMatch(/^#[0-9a-f]{6}$/);
      expect(entityFill(entity, 'dark'), entity).toMatch(/^#[0-9a-f]{6}$/);
      expect(entityFill(entity, 'light')).not.toBe(entityFill(entity, 'dark'));
    }
  });

  it('gives every entity an underline for light pages and one for dark pages', () => {
    for (const entity of [...dataset.entities.map((e) => e.id as string), 'some-new-entity']) {
      expect(entityUnderline(entity, 'light'), entity).toMatch(/^#[0-9a-f]{6}$/);
      expect(entityUnderline(entity, 'dark'), entity).toMatch(/^#[0-9a-f]{6}$/);
      expect(entityUnderline(entity, 'light')).not.toBe(entityUnderline(entity, 'dark'));
    }
    expect(entityUnderline('some-new-entity', 'dark')).toBe(
      entityUnderline('some-new-entity', 'dark'),
    );
  });
});

describe('UI colours', () => {
  it('the badge accent is the accent of the popup and options page (light scheme)', () => {
    const css = readFileSync(new URL('../../components/theme.css', import.meta.url), 'utf8');
    expect(css.match(/--accent:\s*(#[0-9a-f]{6})/i)?.[1]).toBe(ACCENT);
  });

  it('the flash colour is RGB channels', () => {
    expect(FLASH_RGB).toMatch(CHANNELS);
  });
});
