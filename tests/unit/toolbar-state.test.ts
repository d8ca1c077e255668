import { describe, expect, it } from 'vitest';
import {
  lookFor,
  OFF_BADGE_COLOR,
  STATE_ICON_FILES,
  toolbarLook,
  toolbarState,
} from '../../extension/toolbar-state';

describe('toolbarState', () => {
  it('is on, off for the site (a parent site included), or paused, the pause first', () => {
    expect(toolbarState('news.example.com', [], false)).toBe('on');
    expect(toolbarState('news.example.com', ['example.com'], false)).toBe('site-off');
    expect(toolbarState('news.example.com', ['other.org'], false)).toBe('on');
    expect(toolbarState('news.example.com', ['example.com'], true)).toBe('paused');
    expect(toolbarState(undefined, ['example.com'], false)).toBe('on');
  });
});

describe('toolbarLook', () => {
  it('titles each state in words, and only a tab that is on shows its count', () => {
    expect(lookFor('news.example.com', [], false)).toEqual({
      title: 'Rivalry Lens: on for news.example.com',
      badge: null,
      badgeColor: null,
      icon: null,
    });
    expect(lookFor('news.example.com', ['example.com'], false)).toMatchObject({
      title: 'Rivalry Lens: off on example.com',
      badge: 'off',
      badgeColor: OFF_BADGE_COLOR,
    });
    expect(lookFor(undefined, [], true)).toMatchObject({
      title: 'Rivalry Lens: paused everywhere',
      badge: '||',
    });
    expect(lookFor(undefined, [], false).title).toBe('Rivalry Lens');
  });

  it('uses the state icons once every size of them exists, and not before', () => {
    expect(STATE_ICON_FILES).toEqual([]);
    expect(toolbarLook('paused', undefined).icon).toBeNull();
    const sizes = [16, 32, 48, 128];
    const files = sizes.map((size) => `icon/paused-${size}.png`);
    expect(toolbarLook('paused', undefined, files).icon).toEqual(
      Object.fromEntries(sizes.map((size) => [size, `icon/paused-${size}.png`])),
    );
    expect(toolbarLook('site-off', 'a.org', files).icon).toBeNull();
    expect(toolbarLook('paused', undefined, files.slice(1)).icon).toBeNull();
  });
});
