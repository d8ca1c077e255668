/**
 * What the stores check in the built manifests (`npm run build` and `npm run build:firefox`
 * first): every size the manifest names exists at that size, and so does every toolbar state's
 * icon, in both builds; the description fits, the version is package.json's, the id is real.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATE_ICON_FILES } from '../../extension/toolbar-state';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const BUILDS = [
  { dir: '.output/chrome-mv3', action: 'action' },
  { dir: '.output/firefox-mv2', action: 'browser_action' },
] as const;

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file: string): number[] {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe.each(BUILDS)('$dir', ({ dir, action }) => {
  const manifest = JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8'));

  /** A manifest string in the default locale: `__MSG_key__` read from `_locales`. */
  const localised = (value: string): string => {
    const key = value.match(/^__MSG_(\w+)__$/)?.[1];
    if (!key) return value;
    const file = resolve(dir, '_locales', manifest.default_locale, 'messages.json');
    return JSON.parse(readFileSync(file, 'utf8'))[key].message;
  };

  it("has a description of at most 132 characters, and package.json's version and text", () => {
    expect(manifest.default_locale).toBe('en');
    const description = localised(manifest.description);
    expect(description.length).toBeLessThanOrEqual(132);
    expect(pkg.description).toBe(description);
    expect(manifest.version).toBe(pkg.version);
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('names an icon at 16, 32, 48 and 128 px, each a PNG of its size', () => {
    expect(Object.keys(manifest.icons ?? {}).map(Number)).toEqual([16, 32, 48, 128]);
    for (const [size, path] of Object.entries<string>(manifest.icons)) {
      expect(pngSize(resolve(dir, path))).toEqual([Number(size), Number(size)]);
    }
  });

  it("gives the toolbar button its own icon, and holds every state's", () => {
    const defaults = Object.entries<string>(manifest[action]?.default_icon ?? {});
    expect(defaults.map(([size]) => Number(size))).toEqual([16, 32]);
    for (const [size, path] of defaults) {
      expect(pngSize(resolve(dir, path))).toEqual([Number(size), Number(size)]);
    }
    expect(STATE_ICON_FILES.length).toBe(6);
    for (const path of STATE_ICON_FILES) {
      expect(existsSync(resolve(dir, path)), path).toBe(true);
      const size = Number(/(\d+)\.png$/.exec(path)?.[1]);
      expect(pngSize(resolve(dir, path)), path).toEqual([size, size]);
    }
  });
});

describe('.output/firefox-mv2', () => {
  it('has an add-on id of its own, not a placeholder', () => {
    const manifest = JSON.parse(readFileSync('.output/firefox-mv2/manifest.json', 'utf8'));
    const id: string = manifest.browser_specific_settings.gecko.id;
    expect(id).toMatch(/^[a-z0-9-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(id).not.toMatch(/@example\.(org|com)$/);
  });
});

describe('the content script', () => {
  it('carries no webextension-polyfill, and each manifest asks for a browser with `browser`', () => {
    // build/native-browser-plugin.ts: the content script uses the browser's own namespace.
    for (const { dir } of BUILDS) {
      for (const file of ['content-scripts/content.js', 'stage-two/show.js', 'stage-two/card.js']) {
        const code = readFileSync(resolve(dir, file), 'utf8');
        expect(code, `${dir}/${file}`).not.toContain('The message port closed before a response');
      }
    }
    const chrome = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8'));
    expect(Number(chrome.minimum_chrome_version)).toBeGreaterThanOrEqual(148);
    const firefox = JSON.parse(readFileSync('.output/firefox-mv2/manifest.json', 'utf8'));
    expect(firefox.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
  });
});
