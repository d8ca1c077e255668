/**
 * The page summary: every entity on the page with its count and first mention in context, the
 * most mentioned first. Clicking an entity asks the page to show its next mention.
 */
import { useState } from 'preact/hooks';
import type { EntityId } from '../core/types';
import { formatNumber, i18n } from '../extension/i18n';
import type { EntityCount, PageSummary, RevealAnswer } from '../extension/messages';
import { swatchVars } from '../extension/palette';
import type { MapData } from './RivalryMap';

export interface SummaryRow extends EntityCount {
  name: string;
  /** The fronts the entity is on, shown as coloured marks. */
  fronts: { id: string; name: string }[];
}

/**
 * One list, the most mentioned first (the page's main subject is the first row a reader sees),
 * ties by name; each row names its fronts. Grouping by front would put a front's lesser names
 * above another's main one.
 */
export function rankRows(entities: readonly EntityCount[], data: MapData): SummaryRow[] {
  const byId = new Map(data.entities.map((e) => [e.id, e]));
  const frontName = new Map(data.fronts.map((f) => [f.id as string, f.name]));
  return entities
    .map((count) => {
      const entity = byId.get(count.entity);
      const fronts = [...new Set((entity?.fronts ?? []).map((f) => f.front as string))];
      return {
        ...count,
        name: entity?.name ?? count.entity,
        fronts: fronts.map((id) => ({ id, name: frontName.get(id) ?? id })),
      };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** The fronts the rows show, in the data's order: what the rows' coloured marks mean. */
export function shownFronts(rows: readonly SummaryRow[], data: MapData): MapData['fronts'] {
  const shown = new Set(rows.flatMap((row) => row.fronts.map((f) => f.id)));
  return data.fronts.filter((f) => shown.has(f.id));
}

/** "1 mention", "12 mentions", "1.204 Erwähnungen". */
const mentions = (n: number) => i18n.t('popup.mentions', n, [formatNumber(n)]);

export function PopupSummary(props: {
  summary: PageSummary;
  data: MapData;
  /** Asks the page to show the entity's next mention; resolves to where it is, if it could. */
  onReveal: (entity: EntityId) => Promise<RevealAnswer>;
}) {
  const { summary, data, onReveal } = props;
  const [status, setStatus] = useState('');
  const rows = rankRows(summary.entities, data);

  const reveal = async (row: SummaryRow) => {
    const at = await onReveal(row.entity);
    setStatus(
      at.ok
        ? i18n.t('popup.showing', at.total, [
            formatNumber(at.index),
            formatNumber(at.total),
            row.name,
          ])
        : i18n.t('popup.gone', [row.name]),
    );
  };

  // Arrow keys move between entities, as in a list; Tab leaves the list.
  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [
      ...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button.entity'),
    ];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const to =
      event.key === 'ArrowDown'
        ? at + 1
        : event.key === 'ArrowUp'
          ? at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? buttons.length - 1
              : undefined;
    if (to === undefined || at < 0) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, to))]?.focus();
  };

  return (
    <section class="summary" aria-labelledby="summary-total">
      {/* The legend beside the total, short, so that it takes no row from the list. */}
      <div class="summary-head">
        <p id="summary-total" class="total">
          {i18n.t('popup.total', [
            mentions(summary.total),
            i18n.t('popup.names', summary.entities.length, [formatNumber(summary.entities.length)]),
          ])}
        </p>
        {/* Each row's label names its fronts already; the legend is for eyes. */}
        <ul class="front-legend" aria-hidden="true">
          {shownFronts(rows, data).map((front) => (
            <li key={front.id} title={front.name}>
              <i class={`mark front-${front.id}`} />
              {i18n.t(`popup.frontLegend.${front.id}`)}
            </li>
          ))}
        </ul>
      </div>
      <ul class="entities" onKeyDown={onKeyDown}>
        {rows.map((row) => (
          <li key={row.entity}>
            <button
              type="button"
              class="entity"
              data-entity={row.entity}
              onClick={() => void reveal(row)}
              aria-label={
                row.fronts.length > 0
                  ? i18n.t('popup.rowOnFronts', [
                      row.name,
                      mentions(row.count),
                      row.fronts.map((f) => f.name).join(i18n.t('card.comma')),
                    ])
                  : i18n.t('popup.row', [row.name, mentions(row.count)])
              }
            >
              <span class="entity-line">
                {/* The page's fill and underline for this entity; popup.css picks the scheme. */}
                <span class="swatch" aria-hidden="true" style={swatchVars(row.entity)} />
                <span class="name">{row.name}</span>
                <span class="fronts">
                  {row.fronts.map((front) => (
                    <i key={front.id} class={`mark front-${front.id}`} title={front.name} />
                  ))}
                </span>
                <span class="count">{formatNumber(row.count)}</span>
              </span>
              <span class="context">
                {row.snippet.before}
                <mark>{row.snippet.name}</mark>
                {row.snippet.after}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p class="status" role="status">
        {status}
      </p>
    </section>
  );
}
