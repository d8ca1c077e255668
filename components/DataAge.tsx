/** "Data as of 5 December 2025 · 12 months ago": once on the card, once in the popup. */
import { dataAge } from '../core/data-age';
import { i18n, uiLanguage } from '../extension/i18n';

/** Stands for the date in the sentence, so the date can be its own `<time>` wherever it falls. */
const DATE_MARK = '\u0001';

export function DataAge(props: {
  /** The dataset's as-of date. */
  asOf: string;
  /** Today; the clock at render time unless a test fixes it. */
  today?: Date;
  class?: string;
  /** "Dec" for "December", where the line shares a row. */
  month?: 'long' | 'short';
}) {
  const age = dataAge(props.asOf, props.today ?? new Date(), {
    language: uiLanguage(),
    month: props.month,
  });
  const [before, after = ''] = i18n.t('card.dataAge', [DATE_MARK, age.ago]).split(DATE_MARK);
  return (
    <p class={props.class ?? 'data-age'}>
      {before}
      <time dateTime={props.asOf}>{age.date}</time>
      {after}
    </p>
  );
}
