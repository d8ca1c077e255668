import { describe, expect, it } from 'vitest';
import {
  disablingSite,
  hostInSite,
  isIpAddress,
  isSiteKey,
  parseSiteInput,
  siteOf,
} from '../../extension/site';

describe('what a site is', () => {
  it('a site is a host and its subdomains, www. aside', () => {
    expect(siteOf('WWW.Example.com')).toBe('example.com');
    expect(siteOf('example.com.')).toBe('example.com');
    expect(hostInSite('news.example.com', 'example.com')).toBe(true);
    expect(hostInSite('www.example.com', 'example.com')).toBe(true);
    expect(hostInSite('example.com', 'news.example.com')).toBe(false);
    expect(hostInSite('badexample.com', 'example.com')).toBe(false);
    expect(disablingSite('a.b.example.com', ['other.org', 'example.com'])).toBe('example.com');
    expect(disablingSite('example.org', ['example.com'])).toBeUndefined();
  });

  it('an IP address is a site of one host, with no subdomains', () => {
    expect(isIpAddress('127.0.0.1')).toBe(true);
    expect(isIpAddress('[::1]')).toBe(true);
    expect(isIpAddress('example.com')).toBe(false);
    expect(isIpAddress('1password.com')).toBe(false);
    expect(hostInSite('127.0.0.1', '127.0.0.1')).toBe(true);
    expect(hostInSite('10.0.0.1', '0.0.1')).toBe(false);
  });

  it('the options page’s examples of the rule hold (locales/*.yml, site.rule)', () => {
    expect(hostInSite('www.example.com', 'example.com')).toBe(true);
    expect(hostInSite('news.example.com', 'example.com')).toBe(true);
    expect(hostInSite('example.com', 'news.example.com')).toBe(false);
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
    ['', 'empty'],
    ['not a site', 'not-a-site'],
    ['ftp://example.com', 'not-the-web'],
    ['http://', 'not-a-site'],
  ])('refuses “%s”', (input, error) => {
    expect(parseSiteInput(input)).toEqual({ error });
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
