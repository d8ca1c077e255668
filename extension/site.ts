/**
 * What a tab's address means to Rivalry Lens: which site it belongs to, and whether the
 * browser lets an extension read it at all. Pure: no extension API.
 */

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

/** Host names as `URL` produces them: letters, digits, hyphens and dots, or an IPv6 literal. */
const HOST_NAME =
  /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

/** True for a string that is already a site key as `siteOf` makes them. */
export function isSiteKey(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= 253 &&
    !value.startsWith('www.') &&
    (HOST_NAME.test(value) || IPV6.test(value))
  );
}

/**
 * Reads what a person typed into "turn off on…" as a site: `https://News.Example.com/a`,
 * `news.example.com`, `www.example.com:8080` all work. Internationalised names become their
 * punycode form, the form pages report as `location.hostname`.
 */
export function parseSiteInput(input: string): { site: string } | { error: string } {
  const trimmed = input.trim();
  if (trimmed === '') return { error: 'Type a site, for example news.example.com.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { error: `“${trimmed}” is not a site name.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { error: 'Only web sites (http and https) can be turned off.' };
  const site = url.hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  if (!isSiteKey(site)) return { error: `“${trimmed}” is not a site name.` };
  return { site };
}
