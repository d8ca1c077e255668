/**
 * webextension-polyfill (which `wxt/browser` re-exports, through WXT's
 * `@wxt-dev/webextension-polyfill` module) ships as a UMD script. Bundled as CommonJS, its export
 * goes through the bundler's interop, which copies every own property of it onto a namespace
 * object, asking each for its descriptor. In Chromium that export is the native `browser`
 * object, whose API namespaces (`app`, `dom`, `i18n`, `runtime`, `storage`…) are made on first
 * touch: the copy made all of them, at the start of every page's content script, a good part
 * of its start-up (see docs/benchmark.md).
 *
 * This serves the same file, unchanged, as an ES module with a default export: the UMD wrapper
 * finds a local `module` and fills it, and nothing is copied.
 */
import type { Plugin } from 'vite';

/** The polyfill's entry file (`main` of its package.json). */
const POLYFILL = /[\\/]node_modules[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill\.js$/;
const PACKAGE = /[\\/]node_modules[\\/]webextension-polyfill[\\/]/;

/** The polyfill's UMD source as an ES module whose default export is what it exports. */
export function polyfillAsModule(code: string): string {
  if (!code.includes('typeof exports !== "undefined"') || !code.includes('factory(module)')) {
    // The wrapper changed: better a failed build than a polyfill that never installs.
    throw new Error(
      'webextension-polyfill: unknown module wrapper, see build/esm-polyfill-plugin.ts',
    );
  }
  // (Its source map would be off by the two lines added: left out.)
  const body = code.replace(/^\/\/# sourceMappingURL=.*$/m, '');
  return `const module = { exports: {} };\nconst exports = module.exports;\n${body}\nexport default module.exports;\n`;
}

export function esmPolyfillPlugin(): Plugin {
  return {
    name: 'rivalry-lens:esm-polyfill',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!PACKAGE.test(file)) return null;
      if (!POLYFILL.test(file)) {
        this.error(
          `webextension-polyfill: unexpected file ${file}, see build/esm-polyfill-plugin.ts`,
        );
      }
      return { code: polyfillAsModule(code), map: null };
    },
  };
}
