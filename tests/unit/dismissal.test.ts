import { describe, expect, it } from 'vitest';
import {
  type Dismissal,
  dismissalKey,
  dismissalMatcher,
  dismissalText,
  pageOf,
  storedDismissal,
} from '../../extension/dismissal';

const stoke: Dismissal = { site: 'example.com', entity: 'stoke-space', text: 'Stoke Space' };
const PAGE = '/2025/12/story';

describe('dismissalMatcher', () => {
  it.each([
    ['a line break', 'Stoke\nSpace'],
    ['several spaces', 'Stoke   Space'],
    ['a tab and a no-break space', 'Stoke\t\u00a0Space'],
    ['the wording itself', 'Stoke Space'],
  ])('a stored “Stoke Space” dismisses a mention written with %s', (_, text) => {
    expect(dismissalMatcher([stoke], 'example.com', PAGE)('stoke-space', text)).toBe(true);
  });

  it('keeps case: “XAI” dismissed is not “xAI”, nor the other way round', () => {
    const xai: Dismissal = { site: 'example.com', entity: 'xai', text: 'XAI' };
    const dismissed = dismissalMatcher([xai], 'example.com', PAGE);
    expect(dismissed('xai', 'XAI')).toBe(true);
    expect(dismissed('xai', 'xAI')).toBe(false);
    expect(dismissed('xai', 'Xai')).toBe(false);
    const lower = dismissalMatcher([{ ...xai, text: 'xAI' }], 'example.com', PAGE);
    expect(lower('xai', 'XAI')).toBe(false);
  });

  it('a dismissal stored with a line break dismisses the wording written with a space', () => {
    const stored = { ...stoke, text: 'Stoke\n  Space' };
    expect(dismissalMatcher([stored], 'example.com', PAGE)('stoke-space', 'Stoke Space')).toBe(
      true,
    );
  });

  it('holds on its own site only, a www. host being the same site', () => {
    const on = (site: string) =>
      dismissalMatcher([stoke], site, PAGE)('stoke-space', 'Stoke Space');
    expect(on('www.Example.com')).toBe(true);
    expect(on('other.org')).toBe(false);
    expect(on('news.example.com')).toBe(false);
  });

  it('a page dismissal holds on its page only; a site one on every page', () => {
    const onPage: Dismissal = { ...stoke, page: PAGE };
    expect(dismissalMatcher([onPage], 'example.com', PAGE)('stoke-space', 'Stoke Space')).toBe(
      true,
    );
    expect(dismissalMatcher([onPage], 'example.com', '/other')('stoke-space', 'Stoke Space')).toBe(
      false,
    );
    expect(dismissalMatcher([onPage], 'other.org', PAGE)('stoke-space', 'Stoke Space')).toBe(false);
    expect(dismissalMatcher([stoke], 'example.com', '/other')('stoke-space', 'Stoke Space')).toBe(
      true,
    );
  });

  it('holds for its entity and its wording only', () => {
    const dismissed = dismissalMatcher([stoke], 'example.com', PAGE);
    expect(dismissed('spacex', 'Stoke Space')).toBe(false);
    expect(dismissed('stoke-space', 'Stoke')).toBe(false);
    expect(dismissed('stoke-space', 'StokeSpace')).toBe(false);
    expect(dismissalMatcher([], 'example.com', PAGE)('stoke-space', 'Stoke Space')).toBe(false);
  });
});

describe('dismissalKey', () => {
  it('is the same for the same site, page, entity and wording, white space aside', () => {
    const key = dismissalKey(stoke);
    expect(dismissalKey({ ...stoke, site: 'www.EXAMPLE.com' })).toBe(key);
    expect(dismissalKey({ ...stoke, text: ' Stoke\n Space ' })).toBe(key);
    expect(dismissalKey({ ...stoke, text: 'STOKE SPACE' })).not.toBe(key);
    expect(dismissalKey({ ...stoke, site: 'other.org' })).not.toBe(key);
    expect(dismissalKey({ ...stoke, entity: 'spacex' })).not.toBe(key);
    expect(dismissalKey({ ...stoke, page: PAGE })).not.toBe(key);
  });
});

describe('storedDismissal', () => {
  it('stores a site key and the wording collapsed, its case kept, and its page', () => {
    expect(
      storedDismissal({ site: 'WWW.Example.com', entity: 'stoke-space', text: ' Stoke\nSpace ' }),
    ).toEqual(stoke);
    expect(storedDismissal({ ...stoke, page: PAGE })).toEqual({ ...stoke, page: PAGE });
    expect(dismissalText('the \n X')).toBe('the X');
  });
});

describe('pageOf', () => {
  it('is the path, without query or hash', () => {
    const url = new URL('https://news.example.com/2025/12/story?utm=x#comments');
    expect(pageOf(url)).toBe('/2025/12/story');
    expect(pageOf({ pathname: '' })).toBe('/');
  });
});
