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

/**
 * Why the content script is off on `host`, or null when it is on: the pause wins over the
 * site's own switch, as on the toolbar button.
 */
export function offStateOf(
  host: string,
  values: { paused: boolean; disabledSites: readonly string[] },
): 'paused' | 'site-off' | null {
  if (values.paused) return 'paused';
  return disablingSite(host, values.disabledSites) !== undefined ? 'site-off' : null;
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

/** Why typed text is not a site: nothing typed, not a host name, or not an http(s) address. */
export type SiteInputError = 'empty' | 'not-a-site' | 'not-the-web';

/**
 * Reads what a person typed into "turn off on…" as a site: `https://News.Example.com/a`,
 * `news.example.com`, `www.example.com:8080` all work. Internationalised names become their
 * punycode form, the form pages report as `location.hostname`.
 */
export function parseSiteInput(input: string): { site: string } | { error: SiteInputError } {
  const trimmed = input.trim();
  if (trimmed === '') return { error: 'empty' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { error: 'not-a-site' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: 'not-the-web' };
  const site = siteOf(url.hostname);
  if (!isSiteKey(site)) return { error: 'not-a-site' };
  return { site };
}
