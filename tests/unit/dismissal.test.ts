import { describe, expect, it } from 'vitest';
import {
  type Dismissal,
  dismissalKey,
  dismissalMatcher,
  dismissalText,
  storedDismissal,
} from '../../extension/dismissal';

const stoke: Dismissal = { site: 'example.com', entity: 'stoke-space', text: 'Stoke Space' };

describe('dismissalMatcher', () => {
  it.each([
    ['a line break', 'Stoke\nSpace'],
    ['several spaces', 'Stoke   Space'],
    ['a tab and a no-break space', 'Stoke\t\u00a0Space'],
    ['another case', 'STOKE space'],
    ['the wording itself', 'Stoke Space'],
  ])('a stored “Stoke Space” dismisses a mention written with %s', (_, text) => {
    expect(dismissalMatcher([stoke], 'example.com')('stoke-space', text)).toBe(true);
  });

  it('a dismissal stored with a line break dismisses the wording written with a space', () => {
    const stored = { ...stoke, text: 'Stoke\n  Space' };
    expect(dismissalMatcher([stored], 'example.com')('stoke-space', 'Stoke Space')).toBe(true);
  });

  it('holds on its own site only, a www. host being the same site', () => {
    expect(dismissalMatcher([stoke], 'www.Example.com')('stoke-space', 'Stoke Space')).toBe(true);
    expect(dismissalMatcher([stoke], 'other.org')('stoke-space', 'Stoke Space')).toBe(false);
    expect(dismissalMatcher([stoke], 'news.example.com')('stoke-space', 'Stoke Space')).toBe(false);
  });

  it('holds for its entity and its wording only', () => {
    const dismissed = dismissalMatcher([stoke], 'example.com');
    expect(dismissed('spacex', 'Stoke Space')).toBe(false);
    expect(dismissed('stoke-space', 'Stoke')).toBe(false);
    expect(dismissed('stoke-space', 'StokeSpace')).toBe(false);
    expect(dismissalMatcher([], 'example.com')('stoke-space', 'Stoke Space')).toBe(false);
  });
});

describe('dismissalKey', () => {
  it('is the same for the same site, entity and wording, however written', () => {
    const key = dismissalKey(stoke);
    expect(dismissalKey({ ...stoke, site: 'www.EXAMPLE.com' })).toBe(key);
    expect(dismissalKey({ ...stoke, text: ' stoke\n space ' })).toBe(key);
    expect(dismissalKey({ ...stoke, site: 'other.org' })).not.toBe(key);
    expect(dismissalKey({ ...stoke, entity: 'spacex' })).not.toBe(key);
  });
});

describe('storedDismissal', () => {
  it('stores a site key and the wording collapsed, its case kept', () => {
    expect(
      storedDismissal({ site: 'WWW.Example.com', entity: 'stoke-space', text: ' Stoke\nSpace ' }),
    ).toEqual(stoke);
    expect(dismissalText('the \n X')).toBe('the X');
  });
});
