/**
 * What a site is, in one place: a host name in lower case without a leading `www.`, covering
 * every host under it, except an IP address, which has no hosts under it. The site switch, the
 * options page, the stored settings, their migrations, the dismissals and the content script
 * all use these. Pure: no extension API.
 */

/** Host names as `URL` produces them: letters, digits, hyphens and dots, or an IPv6 literal. */
const HOST_NAME =
  /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;
const IPV4 = /^[\d.]+$/;

/** Normalises a host to its site key (lower case, no trailing dot, no leading `www.`). */
export function siteOf(host: string): string {
  return host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

/** True for an IPv4 address or a bracketed IPv6 literal: a site of one host, no subdomains. */
export function isIpAddress(site: string): boolean {
  return IPV4.test(site) || site.startsWith('[');
}

/** True when `host` is `site` or, unless `site` is an IP address, one of its subdomains. */
export function hostInSite(host: string, site: string): boolean {
  const h = siteOf(host);
  const s = siteOf(site);
  return h === s || (!isIpAddress(s) && h.endsWith(`.${s}`));
}

/** The entry of `sites` that covers `host`, if any (the host's own site or a parent). */
export function disablingSite(host: string, sites: readonly string[]): string | undefined {
  return sites.find((site) => hostInSite(host, site));
}

/** True for a string that is already a site key as `siteOf` makes them. */
export function isSiteKey(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= 253 &&
    !value.startsWith('www.') &&
    (HOST_NAME.test(value) || IPV6.test(value))
  );
}

/** What turning a site off covers, in the popup's words. */
export function siteCoverage(site: string): string {
  return isIpAddress(site) ? `Covers ${site}.` : `Covers ${site} and its subdomains.`;
}

/**
 * The rule in the options page's words; `code` spans are site names. Kept here so the text
 * changes with the rule.
 */
export const SITE_RULE_TEXT =
  'A site is a host name and every host under it. Turning off `example.com` also turns off ' +
  '`www.example.com` and `news.example.com`; turning off `news.example.com` leaves the rest ' +
  'of example.com on. A leading `www.` is ignored.';

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
  const site = siteOf(url.hostname);
  if (!isSiteKey(site)) return { error: `“${trimmed}” is not a site name.` };
  return { site };
}
