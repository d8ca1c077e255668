/** False positives dismissed with "Not this" on a card, per site and wording. */
import type { EntityId } from '../core/types';
import { type Dismissal, dismissalKey } from '../extension/dismissal';
import { removeDismissal } from '../extension/settings';

export function OptionsDismissals(props: {
  dismissals: readonly Dismissal[];
  nameOf: (id: EntityId) => string;
}) {
  const bySite = new Map<string, Dismissal[]>();
  for (const d of props.dismissals) bySite.set(d.site, [...(bySite.get(d.site) ?? []), d]);
  const sites = [...bySite.keys()].sort();
  return (
    <section aria-labelledby="dismissed-title">
      <h2 id="dismissed-title">Dismissed “Not this” mentions</h2>
      <p class="explain">
        Wording you marked as not meaning an entity is no longer highlighted on that site. Remove
        one to have it highlighted again.
      </p>
      {sites.length === 0 ? (
        <p class="empty">Nothing dismissed.</p>
      ) : (
        sites.map((site) => (
          <div key={site} class="dismissed-site">
            <h3>{site}</h3>
            <ul class="rows">
              {bySite.get(site)?.map((d) => (
                <li key={dismissalKey(d)}>
                  <span class="row-main">
                    “{d.text}” <span class="muted">is not {props.nameOf(d.entity)}</span>
                  </span>
                  <button
                    type="button"
                    aria-label={`Highlight “${d.text}” as ${props.nameOf(d.entity)} on ${site} again`}
                    onClick={() => void removeDismissal(d)}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
