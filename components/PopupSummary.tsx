/**
 * The page summary: every entity on the page with its count and first mention in context,
 * grouped by rivalry front. Clicking an entity asks the page to show its next mention.
 */
import { useState } from 'preact/hooks';
import type { EntityId } from '../core/types';
import type { EntityCount, PageSummary } from '../extension/messages';
import { entityFill } from '../extension/palette';
import type { MapData } from './RivalryMap';

export interface SummaryRow extends EntityCount {
  name: string;
  /** The entity's other fronts, shown as coloured marks. */
  alsoOn: { id: string; name: string }[];
}

export interface SummaryGroup {
  /** The front's id, or `other` for entities on no front. */
  id: string;
  name: string;
  rows: SummaryRow[];
}

/**
 * Each entity is listed once, under its first front in the dataset (the front it is best known
 * for), so the counts add up to the page's total and to the badge; its other fronts are named
 * beside it.
 */
export function groupByFront(entities: readonly EntityCount[], data: MapData): SummaryGroup[] {
  const byId = new Map(data.entities.map((e) => [e.id, e]));
  const frontName = new Map(data.fronts.map((f) => [f.id as string, f.name]));
  const groups: SummaryGroup[] = [
    ...data.fronts.map((f) => ({ id: f.id as string, name: f.name, rows: [] as SummaryRow[] })),
    { id: 'other', name: 'Also on this page', rows: [] },
  ];
  for (const count of entities) {
    const entity = byId.get(count.entity);
    const [first, ...rest] = entity?.fronts ?? [];
    const group = groups.find((g) => g.id === (first?.front ?? 'other')) ?? groups.at(-1);
    group?.rows.push({
      ...count,
      name: entity?.name ?? count.entity,
      alsoOn: [...new Set(rest.map((r) => r.front as string))]
        .filter((id) => id !== group.id)
        .map((id) => ({ id, name: frontName.get(id) ?? id })),
    });
  }
  for (const group of groups)
    group.rows.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return groups.filter((g) => g.rows.length > 0);
}

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

export function PopupSummary(props: {
  summary: PageSummary;
  data: MapData;
  /** Asks the page to show the entity's next mention; resolves to whether it could. */
  onReveal: (entity: EntityId) => Promise<boolean>;
}) {
  const { summary, data, onReveal } = props;
  const [status, setStatus] = useState('');
  const groups = groupByFront(summary.entities, data);

  const reveal = async (row: SummaryRow) => {
    const ok = await onReveal(row.entity);
    setStatus(ok ? `Showing ${row.name} on the page.` : `${row.name} is no longer on the page.`);
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
      <p id="summary-total" class="total">
        {plural(summary.total, 'mention', 'mentions')} of{' '}
        {plural(summary.entities.length, 'name', 'names')}
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: arrow keys within the list of buttons */}
      <div class="groups" onKeyDown={onKeyDown}>
        {groups.map((group) => (
          <section key={group.id} class="group" aria-labelledby={`front-${group.id}`}>
            <h2 id={`front-${group.id}`} class={`front-title front-${group.id}`}>
              {group.name}
            </h2>
            <ul>
              {group.rows.map((row) => (
                <li key={row.entity}>
                  <button
                    type="button"
                    class="entity"
                    data-entity={row.entity}
                    onClick={() => void reveal(row)}
                    aria-label={`${row.name}, ${plural(row.count, 'mention', 'mentions')}${
                      row.alsoOn.length > 0
                        ? `, also on ${row.alsoOn.map((f) => f.name).join(', ')}`
                        : ''
                    }. Show the next one on the page.`}
                  >
                    <span class="entity-line">
                      {/* The page's highlight colour for this entity; popup.css picks the scheme. */}
                      <span
                        class="swatch"
                        aria-hidden="true"
                        style={{
                          '--swatch-light': entityFill(row.entity, 'light'),
                          '--swatch-dark': entityFill(row.entity, 'dark'),
                        }}
                      />
                      <span class="name">{row.name}</span>
                      <span class="also">
                        {row.alsoOn.map((front) => (
                          <i
                            key={front.id}
                            class={`mark front-${front.id}`}
                            title={`Also on ${front.name}`}
                          />
                        ))}
                      </span>
                      <span class="count">{row.count}</span>
                    </span>
                    <span class="context">{row.firstContext}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <p class="status" role="status">
        {status}
      </p>
    </section>
  );
}
