import { describe, expect, it } from 'vitest';
import { ENTITY_ID_PATTERN } from '../../core/entity-id.ts';
import raw from '../../data/rivalry.json';

describe('ENTITY_ID_PATTERN', () => {
  it('accepts kebab-case words of letters and digits', () => {
    for (const id of ['stoke-space', 'xai', 'x-twitter', 'gpt5']) {
      expect(ENTITY_ID_PATTERN.test(id), id).toBe(true);
    }
  });

  it('refuses capitals, spaces, stray hyphens and other marks', () => {
    for (const id of ['Stoke', 'stoke space', '-x', 'x-', 'a--b', 'x_ai', '']) {
      expect(ENTITY_ID_PATTERN.test(id), id).toBe(false);
    }
  });

  it('accepts every id of the bundled dataset', () => {
    expect(raw.entities.map((e) => e.id).filter((id) => !ENTITY_ID_PATTERN.test(id))).toEqual([]);
  });
});
