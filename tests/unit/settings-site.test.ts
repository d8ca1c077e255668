import { describe, expect, it } from 'vitest';
import { isSiteKey, parseSiteInput, unreadableReason } from '../../extension/site';

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

describe('parseSiteInput', () => {
  it.each([
    ['news.example.com', 'news.example.com'],
    ['  https://WWW.Example.com/path?q=1  ', 'example.com'],
    ['www.example.com:8080', 'example.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['example.com.', 'example.com'],
  ])('%s → %s', (input, site) => {
    expect(parseSiteInput(input)).toEqual({ site });
  });

  it.each([
    ['', /Type a site/],
    ['not a site', /is not a site name/],
    ['ftp://example.com', /Only web sites/],
    ['http://', /is not a site name/],
  ])('refuses “%s”', (input, message) => {
    const result = parseSiteInput(input);
    expect('error' in result && result.error).toMatch(message);
  });
});

describe('isSiteKey', () => {
  it('accepts what siteOf makes and refuses the rest', () => {
    expect(isSiteKey('example.com')).toBe(true);
    expect(isSiteKey('[::1]')).toBe(true);
    expect(isSiteKey('www.example.com')).toBe(false);
    expect(isSiteKey('Example.com')).toBe(false);
    expect(isSiteKey('example..com')).toBe(false);
    expect(isSiteKey('')).toBe(false);
  });
});
