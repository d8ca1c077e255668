/**
 * The pages the extension runs on: the match patterns of the content scripts (entrypoints/
 * content.ts, and in Chromium the early highlight rules of wxt.config.ts) and of the context
 * menu, and which tab addresses the browser lets an extension read at all. Pure: no extension API.
 */

/** Every web page; `matchAboutBlank` adds their about:blank and srcdoc frames. */
export const PAGES = ['http://*/*', 'https://*/*'];

/**
 * Pages where browsers refuse content scripts even though the scheme is http(s): the
 * extension stores. Chromium blocks the Chrome Web Store, Firefox blocks addons.mozilla.org.
 */
const STORE_PAGES: readonly { host: string; path: string }[] = [
  { host: 'chromewebstore.google.com', path: '/' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'addons.mozilla.org', path: '/' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];

/** Why a page cannot be read, or `null` when the content script may run there. */
export type Unreadable = 'browser-page' | 'store-page' | null;

/**
 * Classifies a tab URL. Only http(s) pages get the content script; every other scheme
 * (`chrome:`, `about:`, `edge:`, `moz-extension:`, `view-source:`, `file:`…) is the
 * browser's own and stays unread.
 */
export function unreadableReason(url: string): Unreadable {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'browser-page';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'browser-page';
  const host = parsed.hostname.toLowerCase();
  if (STORE_PAGES.some((store) => store.host === host && parsed.pathname.startsWith(store.path)))
    return 'store-page';
  return null;
}
