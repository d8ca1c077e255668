/** Which found mentions are shown: not of an entity the reader hid, nor dismissed on this site. */
import type { EntityId } from '../../core/types';
import type { Dismissal } from '../../extension/settings';
import type { Found } from '../found';

export type ActiveFilter = (found: Found) => boolean;

export function activeFilter(
  hiddenEntities: readonly EntityId[],
  dismissals: readonly Dismissal[],
  site: string,
): ActiveFilter {
  const hidden = new Set(hiddenEntities);
  const dismissed = dismissalKeys(dismissals, site);
  return (f) =>
    !hidden.has(f.mention.entity) &&
    !dismissed.has(`${f.mention.entity}\u0000${f.mention.text.toLowerCase()}`);
}

function dismissalKeys(list: readonly Dismissal[], site: string): Set<string> {
  const keys = new Set<string>();
  for (const d of list) {
    if (d.site === site) keys.add(`${d.entity}\u0000${d.text.toLowerCase()}`);
  }
  return keys;
}
