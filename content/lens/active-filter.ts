/** Which found mentions are shown: not of an entity the reader hid, nor dismissed here. */
import type { EntityId } from '../../core/types';
import { type Dismissal, dismissalMatcher } from '../../extension/dismissal';
import type { Found } from '../found';

export type ActiveFilter = (found: Found) => boolean;

export function activeFilter(
  hiddenEntities: readonly EntityId[],
  dismissals: readonly Dismissal[],
  site: string,
  page: string,
): ActiveFilter {
  const hidden = new Set(hiddenEntities);
  const dismissed = dismissalMatcher(dismissals, site, page);
  return (f) => !hidden.has(f.mention.entity) && !dismissed(f.mention.entity, f.mention.text);
}
