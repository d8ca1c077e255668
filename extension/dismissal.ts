/**
 * What a "Not this" dismissal is and which mentions it hides, in one place: the content script
 * tests its mentions with `dismissalMatcher`, the background stores and removes dismissals by
 * `dismissalKey`, and the stored list is kept unique by it. Pure: no extension API.
 */
import type { EntityId } from '../core/types';
import { siteOf } from './site';

/** Where a dismissal holds: the page it was made on, or the whole site. */
export type DismissalScope = 'page' | 'site';

export interface Dismissal {
  /** Site the wording was dismissed on (a site key, see `./site.ts`). */
  site: string;
  entity: EntityId;
  /**
   * The mention's wording with its case, white space collapsed: "XAI" (explainable AI) is not
   * "xAI", so a dismissal of one never hides the other.
   */
  text: string;
  /**
   * The page's path (`/2025/12/story`, no query nor hash) for a dismissal on one page; absent
   * for one on the whole site. The path alone, because `site` already names the host.
   */
  page?: string;
}

/** The wording as it is stored: white space collapsed, so a line break in a page is a space. */
export function dismissalText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The page key of an address: its path, without query or hash (they seldom change the story). */
export function pageOf(location: Pick<Location, 'pathname'>): string {
  return location.pathname || '/';
}

/** Case is kept: only white space differs between two writings of the same wording. */
function keyOf(site: string, entity: string, text: string, page: string | undefined): string {
  return `${site}\n${page ?? ''}\n${entity}\n${dismissalText(text)}`;
}

/** Two dismissals with the same key dismiss the same mentions. */
export function dismissalKey(d: Dismissal): string {
  return keyOf(siteOf(d.site), d.entity, d.text, d.page);
}

/** A dismissal as it is stored: a site key, the wording collapsed (its case kept), the page. */
export function storedDismissal(d: Dismissal): Dismissal {
  const out: Dismissal = { site: siteOf(d.site), entity: d.entity, text: dismissalText(d.text) };
  if (d.page !== undefined) out.page = d.page;
  return out;
}

/**
 * Tells whether a mention on `page` of `site` (its entity and wording, as found) has been
 * dismissed, on that page or on the whole site.
 */
export function dismissalMatcher(
  list: readonly Dismissal[],
  site: string,
  page: string,
): (entity: EntityId, text: string) => boolean {
  const here = siteOf(site);
  const keys = new Set(
    list
      .filter((d) => siteOf(d.site) === here && (d.page === undefined || d.page === page))
      .map((d) => keyOf(here, d.entity, d.text, undefined)),
  );
  return (entity, text) => keys.size > 0 && keys.has(keyOf(here, entity, text, undefined));
}
