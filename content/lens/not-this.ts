/**
 * A card's "Not this" and its Undo, as the lens applies them: the dismissal made (for this page
 * or the whole site) is applied at once and handed on to be stored; Undo takes it back.
 */
import {
  type Dismissal,
  type DismissalScope,
  dismissalKey,
  storedDismissal,
} from '../../extension/dismissal';
import type { Found } from '../found';

export interface NotThisOptions {
  site: string;
  page(): string;
  onDismiss?(dismissal: Dismissal): void;
  onUndismiss?(dismissal: Dismissal): void;
}

/** What the lens has now: the dismissals in force, and how to put a changed list in force. */
export interface Now {
  dismissals: readonly Dismissal[];
  lens: { update(next: { dismissals: readonly Dismissal[] }): void };
}

export function createNotThis(o: NotThisOptions, now: () => Now) {
  const apply = (dismissals: readonly Dismissal[]) => now().lens.update({ dismissals });
  const dismissals = () => now().dismissals;
  /** The dismissal each card's "Not this" made, for its Undo. */
  const made = new WeakMap<Found, Dismissal>();
  return {
    notThis(f: Found, scope: DismissalScope) {
      const d = storedDismissal({
        site: o.site,
        entity: f.mention.entity,
        text: f.mention.text,
        page: scope === 'page' ? o.page() : undefined,
      });
      made.set(f, d);
      apply([...dismissals(), d]);
      o.onDismiss?.(d);
    },
    undo(f: Found) {
      const d = made.get(f);
      if (!d) return;
      made.delete(f);
      const key = dismissalKey(d);
      apply(dismissals().filter((x) => dismissalKey(x) !== key));
      o.onUndismiss?.(d);
    },
  };
}
