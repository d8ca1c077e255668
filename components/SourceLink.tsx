import type { SourceView } from '../core/card-model';
import { formatDataDate, i18n } from '../extension/i18n';

/**
 * A source, short: "Reuters, Dec 5, 2025" ("c. Dec 5, 2025" when the date is inferred), in the
 * interface's language as the facts' dates are, a link to it; the headline is its tooltip and,
 * for screen readers, part of the link's name.
 */
export function SourceLink({ source }: { source?: SourceView }) {
  if (!source) return null;
  const when = formatDataDate(source.date, 'short');
  const date = source.dateInferred ? i18n.t('card.circa', [when]) : when;
  const label = `${source.publisher}, ${date}`;
  const name = `${label}: ${source.title}`;
  return (
    <span class="source">
      {source.url ? (
        <a
          href={source.url}
          target="_blank"
          rel="noopener noreferrer"
          title={source.title}
          aria-label={name}
        >
          {label}
        </a>
      ) : (
        // Only until every source has its address (the dataset is getting them).
        <span title={source.title}>{label}</span>
      )}
    </span>
  );
}
