/**
 * What a "Not this" dismissal is and which mentions it hides, in one place: the content script
 * tests its mentions with `dismissalMatcher`, the background stores and removes dismissals by
 * `dismissalKey`, and the stored list is kept unique by it. Pure: no extension API.
 */
import type { EntityId } from '../core/types';
import { siteOf } from './site';

export interface Dismissal {
  /** Site the wording was dismissed on (a site key, see `./site.ts`). */
  site: string;
  entity: EntityId;
  /** The mention's wording, compared case-insensitively and with white space collapsed. */
  text: string;
}

/** The wording as it is stored: white space collapsed, so a line break in a page is a space. */
export function dismissalText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Case is folded to lower case; a mention that differs only in case is the same wording. */
function keyOf(site: string, entity: string, text: string): string {
  return `${site}\n${entity}\n${dismissalText(text).toLowerCase()}`;
}

/** Two dismissals with the same key dismiss the same mentions. */
export function dismissalKey(d: Dismissal): string {
  return keyOf(siteOf(d.site), d.entity, d.text);
}

/** A dismissal as it is stored: a site key, and the wording collapsed (its case is kept). */
export function storedDismissal(d: Dismissal): Dismissal {
  return { site: siteOf(d.site), entity: d.entity, text: dismissalText(d.text) };
}

/** Tells whether a mention on `site` (its entity and wording, as found) has been dismissed. */
export function dismissalMatcher(
  list: readonly Dismissal[],
  site: string,
): (entity: EntityId, text: string) => boolean {
  const here = siteOf(site);
  const keys = new Set(list.filter((d) => siteOf(d.site) === here).map(dismissalKey));
  return (entity, text) => keys.size > 0 && keys.has(keyOf(here, entity, text));
}
