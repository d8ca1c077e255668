/** "Data as of 5 December 2025 · 12 months ago": once on the card, once in the popup. */
import { dataAge } from '../core/data-age';

export function DataAge(props: {
  /** The dataset's as-of date. */
  asOf: string;
  /** Today; the clock at render time unless a test fixes it. */
  today?: Date;
  class?: string;
  /** "Dec" for "December", where the line shares a row. */
  month?: 'long' | 'short';
}) {
  const age = dataAge(props.asOf, props.today ?? new Date(), { month: props.month });
  return (
    <p class={props.class ?? 'data-age'}>
      Data as of <time dateTime={props.asOf}>{age.date}</time> · {age.ago}
    </p>
  );
}
