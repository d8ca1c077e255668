// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { followPageScheme, pageScheme, watchPageScheme } from '../../content/paint/page-scheme';

/** A stand-in for the system's `prefers-color-scheme: dark` query, which tests can flip. */
function fakeSystem(dark: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    get matches() {
      return dark;
    },
    addEventListener: (_: string, fn: () => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
  };
  vi.spyOn(window, 'matchMedia').mockImplementation((media: string) => {
    expect(media).toBe('(prefers-color-scheme: dark)');
    return query as unknown as MediaQueryList;
  });
  return {
    flip(to: boolean) {
      dark = to;
      for (const fn of [...listeners]) fn();
    },
    listening: () => listeners.size,
  };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
  for (const meta of document.querySelectorAll('meta')) meta.remove();
});

describe('pageScheme', () => {
  it('is dark for a dark body background, whatever the system prefers', () => {
    fakeSystem(false);
    document.body.style.backgroundColor = '#121212';
    expect(pageScheme(document)).toBe('dark');
  });

  it('is light for a light background on a dark system', () => {
    fakeSystem(true);
    document.body.style.backgroundColor = 'rgb(250, 250, 250)';
    expect(pageScheme(document)).toBe('light');
  });

  it('reads <html> before <body>, skipping a transparent one', () => {
    fakeSystem(false);
    document.documentElement.style.backgroundColor = 'rgb(32, 33, 36)';
    document.body.style.backgroundColor = 'white';
    expect(pageScheme(document)).toBe('dark');
    document.documentElement.style.backgroundColor = 'rgba(0, 0, 0, 0)';
    expect(pageScheme(document)).toBe('light');
    document.body.style.backgroundColor = '#202124';
    expect(pageScheme(document)).toBe('dark');
  });

  it('sees a translucent background as it looks over the white canvas', () => {
    fakeSystem(false);
    document.body.style.backgroundColor = 'rgba(0, 0, 0, 0.1)';
    expect(pageScheme(document)).toBe('light');
    document.body.style.backgroundColor = 'rgba(0, 0, 0, 0.9)';
    expect(pageScheme(document)).toBe('dark');
  });

  it('with no background, follows color-scheme, and the system only where the page allows both', () => {
    const system = fakeSystem(true);
    expect(pageScheme(document)).toBe('light');
    const meta = document.createElement('meta');
    meta.name = 'color-scheme';
    meta.content = 'dark';
    document.head.append(meta);
    expect(pageScheme(document)).toBe('dark');
    meta.content = 'light dark';
    expect(pageScheme(document)).toBe('dark');
    system.flip(false);
    expect(pageScheme(document)).toBe('light');
  });
});

describe('watchPageScheme and followPageScheme', () => {
  it('report the page’s scheme when the system’s changes, until stopped', () => {
    const system = fakeSystem(false);
    const meta = document.createElement('meta');
    meta.name = 'color-scheme';
    meta.content = 'light dark';
    document.head.append(meta);
    const seen: string[] = [];
    const stop = watchPageScheme(document, (s) => seen.push(s));
    system.flip(true);
    system.flip(false);
    stop();
    system.flip(true);
    expect(seen).toEqual(['dark', 'light']);
    expect(system.listening()).toBe(0);
  });

  it('sets data-scheme on the host and keeps it current', () => {
    const system = fakeSystem(false);
    const host = document.createElement('rivalry-lens');
    document.body.append(host);
    document.body.style.backgroundColor = '#fff';
    const stop = followPageScheme(host);
    expect(host.dataset.scheme).toBe('light');
    // A site theme that follows the system: its background changes with the preference.
    document.body.style.backgroundColor = '#181818';
    system.flip(true);
    expect(host.dataset.scheme).toBe('dark');
    stop();
    host.remove();
  });
});
