import { describe, expect, it } from 'vitest';
import { PAGES, unreadableReason } from '../../extension/pages';

describe('unreadableReason', () => {
  it.each([
    ['chrome://settings/', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['edge://extensions', 'browser-page'],
    ['view-source:https://example.com/', 'browser-page'],
    ['file:///home/me/page.html', 'browser-page'],
    ['not a url', 'browser-page'],
    ['https://chromewebstore.google.com/detail/abc', 'store-page'],
    ['https://chrome.google.com/webstore/category/extensions', 'store-page'],
    ['https://addons.mozilla.org/en-US/firefox/', 'store-page'],
    ['https://microsoftedge.microsoft.com/addons/detail/x', 'store-page'],
    ['https://chrome.google.com/search', null],
    ['https://example.com/', null],
    ['http://127.0.0.1:8080/a', null],
  ])('%s → %s', (url, reason) => {
    expect(unreadableReason(url)).toBe(reason);
  });
});

describe('PAGES', () => {
  it('are the web pages, and only those', () => {
    expect(PAGES).toEqual(['http://*/*', 'https://*/*']);
    for (const pattern of PAGES) expect(unreadableReason(pattern.replaceAll('*', 'a'))).toBeNull();
  });
});
