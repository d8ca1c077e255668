import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { esmPolyfillPlugin, polyfillAsModule } from '../../build/esm-polyfill-plugin.ts';

const POLYFILL = createRequire(import.meta.url).resolve('webextension-polyfill');
const g = globalThis as { chrome?: unknown; browser?: unknown };
const dirs: string[] = [];

afterEach(() => {
  delete g.chrome;
  delete g.browser;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Imports `code` as an ES module from a file of its own. */
async function importModule(code: string): Promise<{ default: unknown }> {
  const dir = mkdtempSync(join(tmpdir(), 'rivalry-lens-polyfill-'));
  dirs.push(dir);
  const file = join(dir, 'browser-polyfill.mjs');
  writeFileSync(file, code);
  return import(pathToFileURL(file).href);
}

/** A `browser` object like Chromium's: it records which of its properties were asked for. */
function nativeBrowser(touched: string[]): object {
  const target = { runtime: { id: 'abc' }, storage: {}, i18n: {}, app: {}, dom: {} };
  return new Proxy(target, {
    get(t, key, receiver) {
      touched.push(String(key));
      return Reflect.get(t, key, receiver);
    },
    getOwnPropertyDescriptor(t, key) {
      touched.push(String(key));
      return Reflect.getOwnPropertyDescriptor(t, key);
    },
  });
}

describe('webextension-polyfill served as an ES module', () => {
  it('exports the native browser object, asking it for `runtime` only', async () => {
    const touched: string[] = [];
    const browser = nativeBrowser(touched);
    g.chrome = { runtime: { id: 'abc' } };
    g.browser = browser;
    const module = await importModule(polyfillAsModule(readFileSync(POLYFILL, 'utf8')));
    expect(module.default).toBe(browser);
    // The bundler's CommonJS interop asked for every property (making every API namespace).
    expect(new Set(touched)).toEqual(new Set(['runtime']));
  });

  it('is applied to the polyfill alone, and fails the build on a file it does not know', () => {
    const plugin = esmPolyfillPlugin();
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
    const context = {
      error(message: string): never {
        throw new Error(message);
      },
    };
    const source = readFileSync(POLYFILL, 'utf8');
    expect(transform.call(context, source, POLYFILL)?.code).toBe(polyfillAsModule(source));
    expect(
      transform.call(context, 'export {}', '/work/x/node_modules/preact/dist/preact.mjs'),
    ).toBe(null);
    expect(() =>
      transform.call(context, source, POLYFILL.replace('browser-polyfill.js', 'other.js')),
    ).toThrow(/unexpected file/);
    expect(() => polyfillAsModule('module.exports = {};')).toThrow(/unknown module wrapper/);
  });
});
