// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { activeFilter } from '../../content/lens/active-filter';
import { foundWord, page } from './part-helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

function mentions() {
  const $ = page('<p id="p">SpaceX, OpenAI and Neuralink</p><p id="q">Stoke\nSpace</p>');
  return {
    spacex: foundWord($('p'), 'SpaceX', 'spacex'),
    openai: foundWord($('p'), 'OpenAI', 'openai'),
    neuralink: foundWord($('p'), 'Neuralink', 'neuralink'),
    stoke: foundWord($('q'), 'Stoke\nSpace', 'stoke-space'),
  };
}

describe('active filter', () => {
  it('filters out a hidden entity and a wording dismissed on this site, in its case', () => {
    const { spacex, openai, neuralink } = mentions();
    const active = activeFilter(
      ['spacex'],
      [{ site: 'example.com', entity: 'openai', text: 'OpenAI' }],
      'example.com',
      '/story',
    );
    expect([spacex, openai, neuralink].filter(active)).toEqual([neuralink]);
    const other = activeFilter(
      [],
      [{ site: 'example.com', entity: 'openai', text: 'OPENAI' }],
      'example.com',
      '/story',
    );
    expect(other(openai)).toBe(true);
  });

  it('filters a wording dismissed on this page only, not on another page of the site', () => {
    const { openai } = mentions();
    const list = [{ site: 'example.com', entity: 'openai', text: 'OpenAI', page: '/story' }];
    expect(activeFilter([], list, 'example.com', '/story')(openai)).toBe(false);
    expect(activeFilter([], list, 'example.com', '/other')(openai)).toBe(true);
  });

  it('keeps a wording dismissed on another site, or for another entity', () => {
    const { openai } = mentions();
    const active = activeFilter(
      [],
      [
        { site: 'other.org', entity: 'openai', text: 'OpenAI' },
        { site: 'example.com', entity: 'sam-altman', text: 'OpenAI' },
      ],
      'example.com',
      '/story',
    );
    expect(active(openai)).toBe(true);
  });

  // A dismissal is stored with its white space collapsed; a name broken over a line keeps its
  // "\n" as read, and must still match, or "Not this" comes undone when the stored list returns.
  it('filters a wording broken over a line by its stored, collapsed form', () => {
    const { stoke } = mentions();
    const active = activeFilter(
      [],
      [{ site: 'example.com', entity: 'stoke-space', text: 'Stoke Space' }],
      'example.com',
      '/story',
    );
    expect(active(stoke)).toBe(false);
  });
});
