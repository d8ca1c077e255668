/** Wording dismissed with "Not this" on a card, each in plain words, removable one by one. */
import type { EntityId } from '../core/types';
import { type Dismissal, dismissalKey } from '../extension/dismissal';
import { removeDismissal } from '../extension/settings';

/** Where a dismissal holds, as the reader reads it: "on this site (…)" or "on this page: …". */
function whereDismissed(d: Dismissal): string {
  return d.page === undefined ? `on this site (${d.site})` : `on this page: ${d.site}${d.page}`;
}

/** By site, then site-wide before single pages, then by wording. */
function order(a: Dismissal, b: Dismissal): number {
  return (
    a.site.localeCompare(b.site) ||
    (a.page ?? '').localeCompare(b.page ?? '') ||
    a.text.localeCompare(b.text)
  );
}

export function OptionsDismissals(props: {
  dismissals: readonly Dismissal[];
  nameOf: (id: EntityId) => string;
}) {
  const list = [...props.dismissals].sort(order);
  return (
    <section aria-labelledby="dismissed-title">
      <h2 id="dismissed-title">Dismissed “Not this” mentions</h2>
      <p class="explain">
        Wording you marked as not meaning a name is no longer highlighted there, on that page or on
        the whole site. Remove one to have it highlighted again.
      </p>
      {list.length === 0 ? (
        <p class="empty">Nothing dismissed.</p>
      ) : (
        <ul class="rows" aria-label="Dismissed mentions">
          {list.map((d) => {
            const name = props.nameOf(d.entity);
            const where = d.page === undefined ? d.site : `${d.site}${d.page}`;
            return (
              <li key={dismissalKey(d)}>
                <span class="row-main">
                  “{d.text}” is not {name} <span class="muted">— {whereDismissed(d)}</span>
                </span>
                <button
                  type="button"
                  aria-label={`Highlight “${d.text}” as ${name} on ${where} again`}
                  onClick={() => void removeDismissal(d)}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
