/**
 * In the content script (stage one and stage two), `wxt/browser` is the browser's own `browser`
 * namespace rather than webextension-polyfill. Every browser the extension supports has it:
 * Firefox always, Chromium from version 148 (the manifest's `minimum_chrome_version`), where the
 * polyfill itself only hands back `globalThis.browser`. The extension's pages and background
 * keep the polyfill through WXT's module; the content script, loaded on every page, saves its
 * 10 KB.
 */
import type { Plugin } from 'vite';

const ID = '\0rivalry-lens:native-browser';
/** What `wxt/browser` is called before and after WXT's polyfill module aliases it. */
const NAMES = new Set(['wxt/browser', '@wxt-dev/webextension-polyfill/browser']);

/** The module's source: the native namespace, checked once so a missing one fails loudly. */
export const NATIVE_BROWSER_SOURCE = `const browser = globalThis.browser;
if (!browser?.runtime?.id) throw new Error('Rivalry Lens needs the browser namespace (Chromium 148 or later, Firefox 140 or later)');
export { browser };
`;

export function nativeBrowserPlugin(): Plugin {
  return {
    name: 'rivalry-lens:native-browser',
    enforce: 'pre',
    resolveId(source) {
      return NAMES.has(source) ? ID : null;
    },
    load(id) {
      return id === ID ? NATIVE_BROWSER_SOURCE : null;
    },
  };
}
