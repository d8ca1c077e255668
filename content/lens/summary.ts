/** What the popup shows of a page: how often each entity is mentioned, and where first. */
import type { EntityId } from '../../core/types';
import type { EntityCount, Snippet } from '../../extension/messages';
import type { Found } from '../found';
import type { DocOrder } from './doc-order';

/** Characters of context on each side of a mention. */
const CONTEXT_CHARS = 32;

/** Counts, and each entity's first mention in document order: one pass, no sort of all. */
export function summarize(
  found: Iterable<Found>,
  order: DocOrder,
): { total: number; entities: EntityCount[] } {
  const byEntity = new Map<EntityId, { count: number; first: Found }>();
  let total = 0;
  for (const f of found) {
    total++;
    const e = byEntity.get(f.mention.entity);
    if (!e) byEntity.set(f.mention.entity, { count: 1, first: f });
    else {
      e.count++;
      if (order.compare(f.range, e.first.range) < 0) e.first = f;
    }
  }
  const entities: EntityCount[] = [...byEntity.values()]
    .sort((a, b) => order.compare(a.first.range, b.first.range))
    .map(({ count, first }) => {
      const snippet = snippetOf(first);
      return {
        entity: first.mention.entity,
        count,
        firstContext: `${snippet.before}${snippet.name}${snippet.after}`,
        snippet,
      };
    });
  return { total, entities };
}

/** The words around a mention: "…Altman explored a deal with Stoke Space, a rival…". */
export function contextOf(f: Found): string {
  const { before, name, after } = snippetOf(f);
  return `${before}${name}${after}`;
}

/** The words around a mention, split around it, so that the popup can emphasise the name. */
export function snippetOf(f: Found): Snippet {
  const { start, end } = f.mention;
  const length = f.run.text.length;
  const base = Math.max(0, start - CONTEXT_CHARS);
  let from = base;
  let to = Math.min(length, end + CONTEXT_CHARS);
  // Only the neighbourhood is read (a run may be megabytes long, in pieces): one character more
  // than the context, as `lastIndexOf` looks at `to` itself.
  const near = f.run.text.slice(base, Math.min(length, to + 1));
  if (from > 0) {
    const space = near.indexOf(' ');
    if (space >= 0 && space + base < start) from = space + base + 1;
  }
  if (to < length) {
    const space = near.lastIndexOf(' ', to - base);
    if (space >= 0 && space + base >= end) to = space + base;
  }
  const squeeze = (text: string) => text.replace(/\s+/g, ' ');
  const before = squeeze(near.slice(from - base, start - base)).trimStart();
  const name = squeeze(near.slice(start - base, end - base));
  const after = squeeze(near.slice(end - base, to - base)).trimEnd();
  return {
    before: `${from > 0 ? '…' : ''}${before}`,
    name,
    after: `${after}${to < length ? '…' : ''}`,
  };
}
