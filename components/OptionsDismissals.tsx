/** Wording dismissed with "Not this" on a card, each in plain words, removable one by one. */
import type { EntityId } from '../core/types';
import { type Dismissal, dismissalKey } from '../extension/dismissal';
import { i18n } from '../extension/i18n';
import { removeDismissal } from '../extension/settings';

/** Where a dismissal holds, as the reader reads it: "on this site (…)" or "on this page: …". */
function whereDismissed(d: Dismissal): string {
  return d.page === undefined
    ? i18n.t('options.dismissed.onSite', [d.site])
    : i18n.t('options.dismissed.onPage', [`${d.site}${d.page}`]);
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
      <h2 id="dismissed-title">{i18n.t('options.dismissed.title')}</h2>
      <p class="explain">{i18n.t('options.dismissed.explain')}</p>
      {list.length === 0 ? (
        <p class="empty">{i18n.t('options.dismissed.none')}</p>
      ) : (
        <ul class="rows" aria-label={i18n.t('options.dismissed.listLabel')}>
          {list.map((d) => {
            const name = props.nameOf(d.entity);
            const where = d.page === undefined ? d.site : `${d.site}${d.page}`;
            return (
              <li key={dismissalKey(d)}>
                <span class="row-main">
                  {i18n.t('options.dismissed.row', [d.text, name])}{' '}
                  <span class="muted">— {whereDismissed(d)}</span>
                </span>
                <button
                  type="button"
                  aria-label={i18n.t('options.dismissed.removeLabel', [d.text, name, where])}
                  onClick={() => void removeDismissal(d)}
                >
                  {i18n.t('options.dismissed.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
