/**
 * A small picture of the rivalry: the two camps as two columns, each entity once, and a line
 * for every front on which two entities face each other, coloured by front (the legend is
 * HTML below the picture, so long front names wrap instead of overlapping). Entities named on
 * the page stand out; the rest stay faint. Its size depends only on the dataset, so it never
 * moves when the page summary arrives. With `onOpen`, each name is a button that opens its card.
 */
import type { FrontId } from '../core/dataset';
import type { EntityId } from '../core/types';
import { i18n } from '../extension/i18n';

/** The part of the dataset the popup uses (the whole `Dataset` fits). */
export interface MapData {
  fronts: readonly { id: FrontId; name: string }[];
  entities: readonly {
    id: EntityId;
    name: string;
    highlight: boolean;
    fronts: readonly { front: FrontId; rivals: readonly EntityId[] }[];
  }[];
}

export interface MapNode {
  id: EntityId;
  name: string;
  side: 0 | 1;
  x: number;
  y: number;
}

export interface MapEdge {
  front: FrontId;
  from: EntityId;
  to: EntityId;
}

export interface MapLayout {
  width: number;
  height: number;
  nodes: MapNode[];
  edges: MapEdge[];
}

const WIDTH = 328;
const ROW = 17;
const TOP = 10;
const BOTTOM = 4;
const DOT_X = [120, 208] as const;

/**
 * Places every highlighted entity that takes part in a front. The camps come from two-colouring
 * the graph of rivals among them (the first entity of the dataset goes left); an entity whose
 * rivals sit on both sides keeps the side it was first given and its lines simply cross. The
 * companies around the rivalry (Google, Nvidia…) are in no camp: they compete with both men's
 * companies, so colouring them would draw Google in Musk's camp for being OpenAI's rival. Their
 * cards are in the popup's "Wider landscape".
 */
export function layoutRivalryMap(data: MapData): MapLayout {
  const names = new Map(data.entities.filter((e) => e.highlight).map((e) => [e.id, e.name]));
  const edges: MapEdge[] = [];
  const seen = new Set<string>();
  const neighbours = new Map<EntityId, EntityId[]>();
  for (const entity of data.entities)
    if (names.has(entity.id))
      for (const role of entity.fronts)
        for (const rival of role.rivals) {
          if (!names.has(rival) || rival === entity.id) continue;
          const [a, b] = [entity.id, rival].sort() as [EntityId, EntityId];
          const key = `${role.front} ${a} ${b}`;
          if (seen.has(key)) continue;
          seen.add(key);
          edges.push({ front: role.front, from: a, to: b });
          neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
          neighbours.set(b, [...(neighbours.get(b) ?? []), a]);
        }

  const side = new Map<EntityId, 0 | 1>();
  for (const entity of data.entities) {
    if (!neighbours.has(entity.id) || side.has(entity.id)) continue;
    side.set(entity.id, 0);
    const queue = [entity.id];
    for (let id = queue.shift(); id !== undefined; id = queue.shift())
      for (const next of neighbours.get(id) ?? [])
        if (!side.has(next)) {
          side.set(next, side.get(id) === 0 ? 1 : 0);
          queue.push(next);
        }
  }

  const nodes: MapNode[] = [];
  let left = 0;
  let right = 0;
  for (const entity of data.entities) {
    const s = side.get(entity.id);
    if (s === undefined) continue;
    const row = s === 0 ? left++ : right++;
    nodes.push({ id: entity.id, name: entity.name, side: s, x: DOT_X[s], y: TOP + row * ROW });
  }
  const height = TOP + Math.max(left, right, 1) * ROW + BOTTOM;
  return { width: WIDTH, height, nodes, edges };
}

/** One sentence per front, for screen readers: "AI: OpenAI against xAI; …". */
export function describeRivalryMap(data: MapData, layout: MapLayout): string {
  const name = new Map(layout.nodes.map((n) => [n.id, n.name]));
  return data.fronts
    .map((front) => {
      const pairs = layout.edges
        .filter((e) => e.front === front.id)
        .map((e) => i18n.t('map.against', [name.get(e.from) ?? e.from, name.get(e.to) ?? e.to]));
      return pairs.length > 0
        ? i18n.t('map.front', [front.name, pairs.join(i18n.t('card.comma'))])
        : '';
    })
    .filter(Boolean)
    .join(' ');
}

export function RivalryMap(props: {
  data: MapData;
  layout: MapLayout;
  /** Entities named on the page. */
  present: ReadonlySet<EntityId>;
  /** Opens an entity's card; the names are then buttons (a picture's parts are not reachable). */
  onOpen?: (entity: EntityId) => void;
}) {
  const { data, layout, present, onOpen } = props;
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const frontIndex = new Map(data.fronts.map((f, i) => [f.id, i]));
  const frontName = new Map(data.fronts.map((f) => [f.id, f.name]));
  return (
    <div class="rivalry-map-figure">
      <svg
        class="rivalry-map"
        role={onOpen ? 'group' : 'img'}
        aria-labelledby="rivalry-map-title"
        aria-describedby="rivalry-map-desc"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
      >
        <title id="rivalry-map-title">{i18n.t('map.title')}</title>
        <desc id="rivalry-map-desc">{describeRivalryMap(data, layout)}</desc>
        {layout.edges.map((edge) => {
          const a = byId.get(edge.from);
          const b = byId.get(edge.to);
          if (!a || !b) return null;
          const [l, r] = a.side === 0 ? [a, b] : [b, a];
          // Fronts between the same two entities bend apart so each line stays visible.
          const bend = ((frontIndex.get(edge.front) ?? 0) - 1.5) * 7;
          const midX = (l.x + r.x) / 2;
          const midY = (l.y + r.y) / 2 + bend;
          const on = present.has(edge.from) && present.has(edge.to);
          return (
            <path
              key={`${edge.front}-${edge.from}-${edge.to}`}
              class={`edge front-${edge.front}${on ? ' on' : ''}`}
              d={`M${l.x},${l.y} Q${midX},${midY} ${r.x},${r.y}`}
              data-front={edge.front}
            >
              {/* Hovering a line says what it is. */}
              <title>
                {i18n.t('map.edge', [l.name, r.name, frontName.get(edge.front) ?? edge.front])}
              </title>
            </path>
          );
        })}
        {layout.nodes.map((node) => {
          const on = present.has(node.id);
          const button = onOpen
            ? {
                role: 'button' as const,
                // Lower case: on an SVG element the attribute's name is case-sensitive.
                tabindex: 0,
                'data-opens': node.id,
                'aria-label': i18n.t('map.open', [node.name]),
                onClick: () => onOpen(node.id),
                onKeyDown: (e: KeyboardEvent) => {
                  if (e.key !== 'Enter' && e.key !== ' ') return;
                  e.preventDefault();
                  onOpen(node.id);
                },
              }
            : {};
          return (
            <g
              key={node.id}
              class={`node${on ? ' on' : ''}${onOpen ? ' opens' : ''}`}
              data-entity={node.id}
              {...button}
            >
              <circle cx={node.x} cy={node.y} r={on ? 4.5 : 3} />
              <text
                x={node.side === 0 ? node.x - 8 : node.x + 8}
                y={node.y}
                dy="0.35em"
                text-anchor={node.side === 0 ? 'end' : 'start'}
              >
                {node.name}
              </text>
            </g>
          );
        })}
      </svg>
      {onOpen ? (
        <p class="map-hint" aria-hidden="true">
          {i18n.t('map.hint')}
        </p>
      ) : null}
      <ul class="map-legend" aria-hidden="true">
        {data.fronts.map((front) => (
          <li key={front.id}>
            <span class={`swatch front-${front.id}`} />
            {front.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
