/**
 * Every stored setting, defined once with its default and version.
 * (First version; the popup/options engineer extends it with migrations, repair of corrupt
 * values, export and import.)
 */
import { storage } from 'wxt/utils/storage';
import type { EntityId } from '../core/types';

export type HighlightStyle = 'fill' | 'underline';

export interface Dismissal {
  /** Site the wording was dismissed on (a host, see `siteOf`). */
  site: string;
  entity: EntityId;
  /** The mention's wording, compared case-insensitively. */
  text: string;
}

/** Sites where Rivalry Lens is off. A site is a host; it covers its subdomains. */
export const disabledSites = storage.defineItem<string[]>('sync:disabledSites', {
  fallback: [],
  version: 1,
});

/** Global pause: off everywhere while true. */
export const paused = storage.defineItem<boolean>('local:paused', { fallback: false, version: 1 });

/** Entities the user chose not to highlight. */
export const hiddenEntities = storage.defineItem<EntityId[]>('sync:hiddenEntities', {
  fallback: [],
  version: 1,
});

export const highlightStyle = storage.defineItem<HighlightStyle>('sync:highlightStyle', {
  fallback: 'fill',
  version: 1,
});

/** How long the pointer must rest on a mention before its card opens, in ms. */
export const dwellMs = storage.defineItem<number>('sync:dwellMs', { fallback: 300, version: 1 });

/** False positives dismissed with "Not this" on a card. */
export const dismissals = storage.defineItem<Dismissal[]>('local:dismissals', {
  fallback: [],
  version: 1,
});

/** Normalises a host to the site key used in `disabledSites` (lower case, no leading `www.`). */
export function siteOf(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

/** True when `host` is `site` or one of its subdomains. */
export function hostInSite(host: string, site: string): boolean {
  const h = siteOf(host);
  const s = siteOf(site);
  return h === s || h.endsWith(`.${s}`);
}
