import { describe, expect, it } from 'vitest';
import {
  lookFor,
  OFF_BADGE_COLOR,
  STATE_ICON_FILES,
  toolbarLook,
  toolbarState,
} from '../../extension/toolbar-state';
import { useLocale } from '../setup/i18n';

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
      icon: { 16: 'icon/on-16.png', 32: 'icon/on-32.png' },
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

  it('gives each state its own icon at 16 and 32 px, and none while a size is missing', () => {
    const icons = (['on', 'site-off', 'paused'] as const).map(
      (state) => toolbarLook(state, 'a.org').icon,
    );
    expect(icons).toEqual([
      { 16: 'icon/on-16.png', 32: 'icon/on-32.png' },
      { 16: 'icon/site-off-16.png', 32: 'icon/site-off-32.png' },
      { 16: 'icon/paused-16.png', 32: 'icon/paused-32.png' },
    ]);
    expect(lookFor('news.example.com', ['example.com'], false).icon?.[16]).toBe(
      'icon/site-off-16.png',
    );
    expect(lookFor('news.example.com', ['example.com'], true).icon?.[16]).toBe(
      'icon/paused-16.png',
    );
    expect([...STATE_ICON_FILES].sort()).toEqual(
      icons.flatMap((icon) => Object.values(icon ?? {})).sort(),
    );
    const withoutOne = STATE_ICON_FILES.filter((path) => path !== 'icon/paused-32.png');
    expect(toolbarLook('paused', undefined, withoutOne).icon).toBeNull();
    expect(toolbarLook('on', undefined, withoutOne).icon).not.toBeNull();
  });

  it('speaks the browser’s language', async () => {
    const restore = await useLocale('de');
    try {
      expect(lookFor('news.example.com', ['example.com'], false)).toMatchObject({
        title: 'Rivalry Lens: aus auf example.com',
        badge: 'aus',
      });
      expect(toolbarLook('site-off', undefined).title).toBe('Rivalry Lens: aus auf dieser Website');
      expect(lookFor(undefined, [], true).title).toBe('Rivalry Lens: überall pausiert');
    } finally {
      await restore();
    }
  });
});
