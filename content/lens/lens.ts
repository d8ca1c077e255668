/**
 * One running instance of Rivalry Lens in a page: everything it attaches is registered with
 * `signal`, so aborting it removes highlights, observers, listeners and UI at once (the site
 * switch and the pause turn it off and on in place that way).
 *
 *   page text ─ scanner (collect-text → match-windows → ranges) ─┬─ painter (highlights)
 *         ▲                                                       ├─ index (hit-testing)
 *   observer (batched mutations)                                  └─ summary / reveal
 *                                     pointer → hover → card-host (Card)
 */

import { type CardModel, withMention } from '../../core/card-model';
import type { EntityId } from '../../core/types';
import type { EntityCount, PageState, PageSummary } from '../../extension/messages';
import { type Dismissal, dismissalMatcher } from '../../extension/dismissal';
import type { HighlightStyle } from '../../extension/setting-specs';
import { type CardHost, createCardHost } from '../card/card-host';
import { createMentionIndex, type PointApi } from '../card/hit-test';
import { createHover, type Hover } from '../card/hover';
import { type Found, sameMention } from '../found';
import {
  createHighlightPainter,
  createMarkPainter,
  highlightApi,
  type Painter,
  type SheetOptions,
} from '../paint/painter';
import type { MatchFn } from '../scan/match-windows';
import { createBatchedObserver } from '../scan/observer';
import { createScanner, type ScanState } from '../scan/scanner';
import { SLICE_BUDGET_MS } from '../scan/slices';
import { createDocOrder } from './doc-order';

export interface LensSettings {
  hiddenEntities: readonly EntityId[];
  highlightStyle: HighlightStyle;
  dwellMs: number;
  dismissals: readonly Dismissal[];
}

export interface LensOptions {
  win: Window & typeof globalThis;
  signal: AbortSignal;
  match: MatchFn;
  /** The entities that can be highlighted (one highlight name each). */
  entities: readonly EntityId[];
  /**
   * The card of an entity. The background makes it (the page's content script carries no card
   * text); asked once per entity and lens, when a card is first opened.
   */
  card(entity: EntityId): Promise<CardModel | null>;
  settings: LensSettings;
  /** The site key this page belongs to (for dismissals). */
  site: string;
  /** Paint with `<rivalry-mark>` elements even where the Highlight API exists (test builds). */
  forceFallback?: boolean;
  /** How the highlight rules are written and adopted (see `SheetOptions`). */
  sheets?: SheetOptions;
  limitChars?: number;
  /** The number of mentions (not hidden nor dismissed) changed; debounced. */
  onCount?(total: number): void;
  /** "Not this" was pressed on a card. */
  onDismiss?(dismissal: Dismissal): void;
}

export interface Lens {
  readonly state: ScanState;
  readonly painterMode: 'highlight' | 'mark';
  summary(): Omit<PageSummary, 'state' | 'host'> & { state: PageState };
  /**
   * Resolves once the mentions' document order is known, worked out a slice at a time (see
   * `DocOrder.warm`), so that `summary()` after it is no long task on a page of tens of
   * thousands of blocks.
   */
  orderReady(): Promise<void>;
  /** Scrolls to the next mention (of `entity`, if given), flashes it and opens its card. */
  reveal(entity?: EntityId): boolean;
  processAnyway(): void;
  update(settings: Partial<LensSettings>): void;
}

/**
 * The badge's count is sent this long after the first change, and then at most once a second:
 * on a feed that grows five times a second, a message per change was 8% of our time.
 */
const COUNT_FIRST_MS = 250;
const COUNT_EVERY_MS = 1000;
/** Mentions on a page beyond which only those near the viewport are painted (see `paint`). */
export const PAINT_ALL_LIMIT = 2000;
const FLASH_MS = 1500;
/** Slices `orderReady` takes at most. */
const ORDER_SLICES = 60;
const CONTEXT_CHARS = 48;

export function createLens(o: LensOptions): Lens {
  const { win, signal } = o;
  const doc = win.document;
  let settings = { ...o.settings };
  const api = o.forceFallback ? null : highlightApi(win);
  const entities = [...o.entities];
  const shadowRoots = new Set<ShadowRoot>();

  const docOrder = createDocOrder();
  const observer = createBatchedObserver(
    (batch) => {
      docOrder.invalidate();
      if (batch.huge) scanner.rescan();
      else scanner.changed(batch);
      // Read in the callbacks of the frame about to be drawn: what was found is painted in it
      // too, without the wait below (the browser rebuilds its highlight markers for that frame
      // anyway, after the page's change).
      if (batch.inFrame) paintNow();
    },
    signal,
    win,
  );

  const painter: Painter = api
    ? createHighlightPainter(doc, api, entities, settings.highlightStyle, o.sheets)
    : createMarkPainter(doc, settings.highlightStyle, observer.quietly);
  const index = createMentionIndex(
    doc,
    painter,
    () => (api?.registry as PointApi | undefined) ?? null,
    () => [...shadowRoots].filter((r) => r.isConnected),
  );
  /** Found mentions currently painted (the rest are hidden, dismissed, or far off screen). */
  const painted = new WeakSet<Found>();

  let hidden = new Set(settings.hiddenEntities);
  let dismissed = dismissalMatcher(settings.dismissals, o.site);
  const active = (f: Found) =>
    !hidden.has(f.mention.entity) && !dismissed(f.mention.entity, f.mention.text);

  let card: CardHost | null = null;
  let hover: Hover | null = null;
  let shown: Found | null = null;
  /** The mention whose card is on its way from the background. */
  let loading: Found | null = null;
  const cards = new Map<EntityId, Promise<CardModel | null>>();
  let lastRevealed: Found | null = null;
  let countTimer: ReturnType<typeof setTimeout> | null = null;
  let flashTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * New mentions are painted in batches. Each change to the highlight registry makes Chromium
   * rebuild its markers for every range of every highlight at the next frame (about 5 µs a
   * range here), so adding a few at a time on a page with thousands of mentions costs time
   * quadratic in their number. The wait grows with the number painted: nothing on ordinary
   * pages, at most 250 ms on huge ones.
   *
   * Beyond PAINT_ALL_LIMIT mentions even one rebuild is a long frame, so only the mentions of
   * blocks near the viewport (an IntersectionObserver with a margin of a screen and a half) are
   * painted; the rest are still found, counted and revealed.
   */
  const pending = new Set<Found>();
  let paintTimer: ReturnType<typeof setTimeout> | null = null;
  let foundCount = 0;
  let nearby: IntersectionObserver | null = null;
  const near = new WeakSet<Element>();
  const elementOf = (owner: Found['owner']): Element =>
    owner.nodeType === 11 ? (owner as ShadowRoot).host : (owner as Element);
  const isNear = (f: Found) => nearby === null || near.has(elementOf(f.owner));

  const flushPaint = () => {
    paintTimer = null;
    const list: Found[] = [];
    for (const f of pending) if (active(f) && isNear(f) && !f.range.collapsed) list.push(f);
    pending.clear();
    if (!list.length) return;
    // Wrapping splits text nodes: the keys of document order change.
    if (painter.mode === 'mark') docOrder.invalidate();
    painter.add(list);
    index.add(list);
    for (const f of list) painted.add(f);
    ensureHover();
  };
  const paintNow = () => {
    if (paintTimer === null) return;
    clearTimeout(paintTimer);
    flushPaint();
  };
  const paint = (list: Found[]) => {
    if (!list.length) return;
    for (const f of list) pending.add(f);
    if (paintTimer === null) {
      const wait = painter.mode === 'mark' ? 0 : Math.min(250, Math.floor(index.size / 20));
      paintTimer = setTimeout(flushPaint, wait);
    }
  };
  const unpaint = (list: readonly Found[]) => {
    const drop: Found[] = [];
    for (const f of list) {
      if (pending.delete(f)) continue;
      if (painted.has(f)) drop.push(f);
    }
    if (!drop.length) return;
    if (painter.mode === 'mark') docOrder.invalidate();
    painter.remove(drop);
    index.remove(drop);
    for (const f of drop) painted.delete(f);
  };

  /** Switches to painting only near the viewport (never back: the page stays huge). */
  const paintNearbyOnly = () => {
    if (nearby || typeof IntersectionObserver !== 'function') return;
    nearby = new IntersectionObserver(
      (entries) => {
        const add: Found[] = [];
        const remove: Found[] = [];
        for (const e of entries) {
          const el = e.target;
          if (e.isIntersecting) near.add(el);
          else near.delete(el);
          for (const owner of [el, el.shadowRoot]) {
            for (const f of (owner && scanner.foundIn(owner)) ?? []) {
              if (e.isIntersecting && !painted.has(f) && active(f)) add.push(f);
              else if (!e.isIntersecting) remove.push(f);
            }
          }
        }
        unpaint(remove);
        paint(add);
      },
      { rootMargin: '150% 0px' },
    );
    for (const list of scanner.all()) {
      const f = list[0];
      if (f) nearby.observe(elementOf(f.owner));
    }
  };
  signal.addEventListener('abort', () => nearby?.disconnect(), { once: true });

  /** Every mention found and not hidden or dismissed, painted or not. */
  const activeFound = (entity?: EntityId): Found[] => {
    const out: Found[] = [];
    for (const list of scanner.all()) {
      for (const f of list) if ((!entity || f.mention.entity === entity) && active(f)) out.push(f);
    }
    return out;
  };

  /**
   * The count last reported: a page that re-renders its mentions keeps the same count. A new
   * lens starts from 0, what the badge shows for a page nothing was reported for (the
   * background clears it when a tab navigates, and when the lens is turned off): a page without
   * a mention sends no message at all.
   */
  let reported = 0;
  const countChanged = () => {
    if (!o.onCount || countTimer !== null) return;
    countTimer = setTimeout(
      () => {
        countTimer = null;
        const total = activeFound().length;
        if (signal.aborted || total === reported) return;
        reported = total;
        o.onCount?.(total);
      },
      reported === 0 ? COUNT_FIRST_MS : COUNT_EVERY_MS,
    );
  };

  const scanner = createScanner({
    root: doc,
    match: o.match,
    signal,
    limitChars: o.limitChars,
    entityCount: entities.length,
    onAdd(list) {
      foundCount += list.length;
      // (Only for highlights: the fallback's marks cost nothing per frame once wrapped.)
      if (foundCount > PAINT_ALL_LIMIT && painter.mode === 'highlight') paintNearbyOnly();
      const owner = list[0]?.owner;
      if (nearby && owner) nearby.observe(elementOf(owner));
      paint(list.filter(active));
      countChanged();
      // The block under an open card was read again: keep the card on the same mention.
      if (shown) {
        const same = list.find((f) => sameMention(f, shown as Found));
        if (same) shown = same;
      }
    },
    onRemove(list) {
      foundCount -= list.length;
      unpaint(list);
      countChanged();
      const owner = list[0]?.owner;
      if (nearby && owner && !owner.isConnected) nearby.unobserve(elementOf(owner));
    },
    onMoved(list) {
      // Their ranges were set again: paint them again so the browser redraws them.
      const again = list.filter((f) => painted.has(f));
      // Those that were collapsed when their turn to be painted came were left out then.
      paint(list.filter((f) => !painted.has(f) && active(f)));
      if (!again.length) return;
      if (painter.mode === 'mark') docOrder.invalidate();
      painter.remove(again);
      index.remove(again);
      painter.add(again);
      index.add(again);
    },
    onShadowRoot(root) {
      shadowRoots.add(root);
      observer.observe(root);
    },
    onState() {
      countChanged();
    },
  });

  const cardOf = (entity: EntityId): Promise<CardModel | null> => {
    let model = cards.get(entity);
    if (!model) {
      model = o.card(entity).catch(() => {
        // The background was restarting: ask again next time.
        cards.delete(entity);
        return null;
      });
      cards.set(entity, model);
    }
    return model;
  };
  const openCard = (f: Found, focus: boolean) => {
    loading = f;
    void cardOf(f.mention.entity).then((model) => {
      // Closed, or another mention asked for, while this card was on its way.
      if (loading !== f || signal.aborted) return;
      loading = null;
      if (!model) return;
      card ??= createCardHost(doc);
      shown = f;
      card.show(f.range, withMention(model, f.mention), {
        focus,
        onNotThis: () => {
          const d: Dismissal = { site: o.site, entity: f.mention.entity, text: f.mention.text };
          closeCard();
          api_.update({ dismissals: [...settings.dismissals, d] });
          o.onDismiss?.(d);
        },
      });
    });
  };
  const closeCard = () => {
    shown = null;
    loading = null;
    card?.hide();
  };

  function ensureHover() {
    hover ??= createHover({
      win,
      signal,
      hitTest: (x, y) => index.at(x, y),
      inCard: (e) => card?.contains(e) ?? false,
      dwellMs: () => settings.dwellMs,
      current: () => loading ?? (card?.isOpen ? shown : null),
      open: (f) => openCard(f, false),
      // The card's text is asked for while the dwell runs, so a background that was asleep
      // has woken by the time the card opens.
      approach: (f) => void cardOf(f.mention.entity),
      close: closeCard,
      same: sameMention,
    });
  }

  /** Mentions (not hidden nor dismissed) in document order. */
  const ordered = (entity?: EntityId, extra?: Found): Found[] => {
    const list = activeFound(entity);
    if (extra && !list.includes(extra) && extra.range.startContainer.isConnected) list.push(extra);
    return docOrder.sort(list, (f) => f.range);
  };

  signal.addEventListener(
    'abort',
    () => {
      if (countTimer !== null) clearTimeout(countTimer);
      if (flashTimer !== null) clearTimeout(flashTimer);
      if (paintTimer !== null) clearTimeout(paintTimer);
      card?.destroy();
      painter.destroy();
    },
    { once: true },
  );

  observer.observe(doc);
  scanner.start();

  const api_: Lens = {
    get state() {
      return scanner.state;
    },
    painterMode: painter.mode,
    async orderReady() {
      // Bounded: a page that keeps changing gets its summary after this many slices anyway.
      for (let round = 0; round < ORDER_SLICES && !signal.aborted; round++) {
        const ranges = activeFound().map((f) => f.range);
        const end = performance.now() + SLICE_BUDGET_MS;
        if (docOrder.warm(ranges, () => performance.now() < end)) return;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    },
    summary() {
      // Counts, and each entity's first mention in document order: one pass, no sort.
      const byEntity = new Map<EntityId, { count: number; first: Found }>();
      let total = 0;
      for (const f of activeFound()) {
        total++;
        const e = byEntity.get(f.mention.entity);
        if (!e) byEntity.set(f.mention.entity, { count: 1, first: f });
        else {
          e.count++;
          if (docOrder.compare(f.range, e.first.range) < 0) e.first = f;
        }
      }
      const entities: EntityCount[] = [...byEntity.values()]
        .sort((a, b) => docOrder.compare(a.first.range, b.first.range))
        .map(({ count, first }) => ({
          entity: first.mention.entity,
          count,
          firstContext: contextOf(first),
        }));
      return { state: scanner.state, total, entities };
    },
    reveal(entity) {
      const last =
        lastRevealed && (!entity || lastRevealed.mention.entity === entity) ? lastRevealed : null;
      // The last one revealed is sorted in too (it may have been re-read since), to go on after it.
      const list = ordered(entity, last ?? undefined);
      const isCurrent = (f: Found) => scanner.foundIn(f.owner)?.includes(f) === true;
      const mentions = last && !isCurrent(last) ? list.filter((f) => f !== last) : list;
      if (!mentions.length) return false;
      let target: Found | undefined;
      if (last) {
        const at = list.indexOf(last);
        target = list.slice(at + 1).find((f) => f !== last && !sameMention(f, last));
      } else {
        // Start from what the user is looking at: the first mention not above the viewport
        // (document order is, near enough, top-to-bottom order: search it by halves).
        let lo = 0;
        let hi = mentions.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((mentions[mid] as Found).range.getBoundingClientRect().bottom >= 0) hi = mid;
          else lo = mid + 1;
        }
        target = mentions[lo];
      }
      target ??= mentions[0] as Found;
      lastRevealed = target;
      const el = target.range.startContainer.parentElement;
      const reduce = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      el?.scrollIntoView({
        block: 'center',
        inline: 'nearest',
        behavior: reduce ? 'auto' : 'smooth',
      });
      painter.flash(target.range);
      if (flashTimer !== null) clearTimeout(flashTimer);
      flashTimer = setTimeout(() => {
        flashTimer = null;
        painter.flash(null);
      }, FLASH_MS);
      ensureHover();
      openCard(target, true);
      hover?.openedByKeyboard();
      return true;
    },
    processAnyway() {
      scanner.processAnyway();
    },
    update(next) {
      settings = { ...settings, ...next };
      if (next.highlightStyle) painter.setStyle(next.highlightStyle);
      if (next.hiddenEntities || next.dismissals) {
        hidden = new Set(settings.hiddenEntities);
        dismissed = dismissalMatcher(settings.dismissals, o.site);
        const add: Found[] = [];
        const remove: Found[] = [];
        const owners = new Set<Found['owner']>();
        for (const list of scanner.all()) {
          for (const f of list) {
            const should = active(f);
            if (should === (painted.has(f) || pending.has(f))) continue;
            (should ? add : remove).push(f);
            owners.add(f.owner);
          }
        }
        if ((shown && remove.includes(shown)) || (loading && remove.includes(loading))) closeCard();
        if (painter.mode === 'mark') {
          // Unwrapping joins text nodes, which moves other mentions' ranges: read the blocks
          // again instead of toggling marks one by one.
          scanner.refresh(owners);
        } else {
          unpaint(remove);
          paint(add);
        }
        countChanged();
      }
    },
  };
  return api_;
}

/** The words around a mention: "…Altman explored a deal with Stoke Space, a rival…". */
export function contextOf(f: Found): string {
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
  const words = near
    .slice(from - base, to - base)
    .replace(/\s+/g, ' ')
    .trim();
  return `${from > 0 ? '…' : ''}${words}${to < length ? '…' : ''}`;
}
