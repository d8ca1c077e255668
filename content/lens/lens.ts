/**
 * One running instance of Rivalry Lens in a page: wiring only. Everything it attaches is
 * registered with `signal`, so aborting it removes highlights, observers, listeners and UI at
 * once (the site switch and the pause turn it off and on in place that way).
 *
 *   page text ─ scan/scanner (read/collect-text → scan/match-windows → ranges)
 *         ▲          │
 *   scan/observer    ├─ lens/count-report (badge), lens/summary (popup)
 *                    └─ first mention: lens/show, loaded then ─ paint/paint-schedule
 *                         ─ paint/painter (highlights) + card/hit-test
 *                         ─ pointer → card/card-controller; lens/reveal (popup, keyboard)
 */
import type { CardModel } from '../../core/card-model';
import type { EntityId } from '../../core/types';
import type { Dismissal } from '../../extension/dismissal';
import type { PageState, PageSummary } from '../../extension/messages';
import { guarded, reportError } from '../../extension/report-error';
import type { HighlightStyle } from '../../extension/setting-specs';
import { ORDER_SLICES, SLICE_BUDGET_MS } from '../budgets';
import { loadOnce } from '../load-once';
import type { StageTwo } from '../card/card-controller';
import type { Found } from '../found';
import { highlightApi } from '../paint/highlight-api';
import type { SheetOptions } from '../paint/painter';
import type { ReadRoot } from '../read/dom-rules';
import type { MatchFn } from '../scan/match-windows';
import { createBatchedObserver } from '../scan/observer';
import { createScanner, type Scanner, type ScanState } from '../scan/scanner';
import { type ActiveFilter, activeFilter } from './active-filter';
import { createCountReport } from './count-report';
import { createDocOrder } from './doc-order';
import type { RevealPosition } from './reveal';
import type { Show } from './show';
import { summarize } from './summary';

/** The part of the lens loaded with the first mention (`show.ts`). */
export type ShowModule = typeof import('./show');

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
  /**
   * Whether a name could be in a text, blocks glued (the gate of stage one, core/gate.ts): where
   * it says no to a block of blocks, none of them is read (`JobContext.mayName`).
   */
  mayName?: (text: string) => boolean;
  /** The entities that can be highlighted (one highlight name each). */
  entities: readonly EntityId[];
  /**
   * The card of an entity. The background makes it (the page's content script carries no card
   * text); asked once per entity and lens, when a card is first opened.
   */
  card(entity: EntityId): Promise<CardModel | null>;
  /** Loads the card UI, stage two (see `card/card-controller.ts`). */
  loadUi(): Promise<StageTwo>;
  /**
   * Loads painting, the hover and the card's controller (`show.ts`), the first time a mention is
   * found. The content script imports the built module; tests get the module itself.
   */
  loadShow(): Promise<ShowModule>;
  /**
   * Set when `match` may miss mentions until a part it loads on demand is ready (fuse.js, for
   * misspellings: see `fuse-on-demand.ts`): whether the last call did, and when it is ready.
   */
  deferred?: Deferred;
  settings: LensSettings;
  /** The site key this page belongs to (for dismissals). */
  site: string;
  /** The page's key for dismissals on one page: asked each time, for pages that navigate. */
  page(): string;
  /** Paint with `<rivalry-mark>` elements even where the Highlight API exists (test builds). */
  forceFallback?: boolean;
  /** How the highlight rules are written and adopted (see `SheetOptions`). */
  sheets?: SheetOptions;
  limitChars?: number;
  /** The number of mentions (not hidden nor dismissed) changed; debounced. */
  onCount?(total: number): void;
  /** "Not this" was pressed on a card. */
  onDismiss?(dismissal: Dismissal): void;
  /** Undo was pressed on the card after its "Not this". */
  onUndismiss?(dismissal: Dismissal): void;
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
  /** Scrolls to the next mention (of `entity`, if given), flashes it and opens its card; null when there is none. */
  reveal(entity?: EntityId): RevealPosition | null;
  processAnyway(): void;
  /** Reads the page again after reading stopped on an error. */
  retry(): void;
  update(settings: Partial<LensSettings>): void;
}

export interface Deferred {
  missed(): boolean;
  onReady(cb: () => void): void;
}

/** `match`, noting the blocks it missed mentions in, which are read again once it can find them. */
function deferredMatch(match: MatchFn, deferred: Deferred, scanner: () => Scanner): MatchFn {
  let later: Set<ReadRoot> | null = null;
  return (text, options) => {
    const out = match(text, options);
    const owner = deferred.missed() ? scanner().reading : null;
    if (owner) {
      if (!later) {
        later = new Set();
        deferred.onReady(() => {
          const owners = later ?? [];
          later = null;
          scanner().refresh(owners);
        });
      }
      later.add(owner);
    }
    return out;
  };
}

/** Paints and unpaints what a change of the filter asks for. */
function reshow({ schedule, cards, painter }: Show, scanner: Scanner, active: ActiveFilter): void {
  const add: Found[] = [];
  const remove: Found[] = [];
  const owners = new Set<Found['owner']>();
  for (const list of scanner.all()) {
    for (const f of list) {
      const should = active(f);
      if (should === schedule.shows(f)) continue;
      (should ? add : remove).push(f);
      owners.add(f.owner);
    }
  }
  cards.closeIfAny(remove);
  if (painter.mode === 'mark') {
    // Unwrapping joins text nodes, which moves other mentions' ranges: read the blocks
    // again instead of toggling marks one by one.
    scanner.refresh(owners);
  } else {
    schedule.hide(remove);
    schedule.show(add);
  }
}

export function createLens(o: LensOptions): Lens {
  const { win, signal } = o;
  const doc = win.document;
  let settings = { ...o.settings };
  const filter = () => activeFilter(settings.hiddenEntities, settings.dismissals, o.site, o.page());
  let active: ActiveFilter = filter();
  const api = o.forceFallback ? null : highlightApi(win);
  const shadowRoots = new Set<ShadowRoot>();

  const docOrder = createDocOrder();
  const observer = createBatchedObserver(
    guarded('observer', (batch) => {
      docOrder.invalidate();
      if (batch.huge) scanner.rescan();
      else scanner.changed(batch);
      // Read in the callbacks of the frame about to be drawn: what was found is painted in it
      // too, without the schedule's wait (the browser rebuilds its highlight markers for that
      // frame anyway, after the page's change).
      if (batch.inFrame) made?.schedule.now();
    }),
    signal,
    win,
  );

  /** Every mention found and not hidden or dismissed, painted or not. */
  const activeFound = (entity?: EntityId): Found[] => {
    const out: Found[] = [];
    for (const list of scanner.all()) {
      for (const f of list) if ((!entity || f.mention.entity === entity) && active(f)) out.push(f);
    }
    return out;
  };
  const count = createCountReport(() => activeFound().length, o.onCount, signal);

  /**
   * The show as soon as it is made: `shown.value` is set a microtask later, and a block read
   * again in between (fuse.js ready) would otherwise leave its old mentions painted twice.
   */
  let made: Show | null = null;
  const makeShow = (m: ShowModule): Show | null => {
    if (signal.aborted) return null;
    made = m.createShow({
      win,
      signal,
      api,
      entities: o.entities,
      style: settings.highlightStyle,
      sheets: o.sheets,
      quietly: observer.quietly,
      shadowRoots: () => [...shadowRoots].filter((r) => r.isConnected),
      docOrder,
      active: (f) => active(f),
      activeFound,
      scanner,
      card: o.card,
      loadUi: o.loadUi,
      dwellMs: () => settings.dwellMs,
      site: o.site,
      page: o.page,
      onDismiss: o.onDismiss,
      onUndismiss: o.onUndismiss,
      now: () => ({ dismissals: settings.dismissals, lens }),
    });
    return made;
  };
  /**
   * Painting and cards (`show.ts`), loaded with the first mention. A failed load (the extension
   * was updated under the page) is tried again on the next mention, or when the popup asks.
   */
  const shown = loadOnce(
    () => o.loadShow().then(makeShow),
    (error) => {
      if (!signal.aborted) reportError(error, 'loading the highlights');
    },
  );
  /** Loads the show if anything was found, shown or not (a setting may show hidden ones). */
  const loadShow = (): Promise<Show | null> => {
    for (const list of scanner.all()) if (list.length > 0) return shown.get();
    return Promise.resolve(null);
  };

  const scanner: Scanner = createScanner({
    root: doc,
    match: o.deferred ? deferredMatch(o.match, o.deferred, () => scanner) : o.match,
    mayName: o.mayName,
    signal,
    limitChars: o.limitChars,
    entityCount: o.entities.length,
    onAdd(list) {
      // Before the show is loaded, it paints what the scanner holds then.
      const show = made;
      if (show) {
        show.schedule.added(list);
        show.cards.reread(list);
      } else if (list.length > 0) void shown.get();
      count.changed();
    },
    onRemove(list) {
      made?.schedule.removed(list);
      count.changed();
    },
    onMoved: (list) => made?.schedule.moved(list),
    onShadowRoot(root) {
      shadowRoots.add(root);
      observer.observe(root);
    },
    onState(state) {
      // The first reading is over: what waited for its end is painted.
      if (state !== 'loading') made?.schedule.now();
      count.changed();
    },
    onError: (error) => reportError(error, 'reading the page'),
  });

  observer.observe(doc);
  scanner.start();

  /** Shows and hides what a change of the hidden entities or the dismissals asks for. */
  const refilter = () => {
    active = filter();
    if (made) reshow(made, scanner, active);
    count.changed();
  };
  const lens: Lens = {
    get state() {
      return scanner.state;
    },
    painterMode: api ? 'highlight' : 'mark',
    async orderReady() {
      // A reveal, which the popup asks for after this, needs the show: have it there.
      await loadShow();
      // Bounded: a page that keeps changing gets its summary after this many slices anyway.
      for (let round = 0; round < ORDER_SLICES && !signal.aborted; round++) {
        const ranges = activeFound().map((f) => f.range);
        const end = performance.now() + SLICE_BUDGET_MS;
        if (docOrder.warm(ranges, () => performance.now() < end)) return;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    },
    summary: () => ({ state: scanner.state, ...summarize(activeFound(), docOrder) }),
    reveal: (entity) => {
      const show = made;
      if (!show) void loadShow();
      return show?.reveal(entity) ?? null;
    },
    processAnyway: () => scanner.processAnyway(),
    retry: () => {
      void loadShow();
      scanner.rescan();
    },
    update(next) {
      settings = { ...settings, ...next };
      if (next.highlightStyle) made?.painter.setStyle(next.highlightStyle);
      if (next.hiddenEntities || next.dismissals) refilter();
    },
  };
  return lens;
}
