/**
 * One running instance of Rivalry Lens in a page: wiring only. Everything it attaches is
 * registered with `signal`, so aborting it removes highlights, observers, listeners and UI at
 * once (the site switch and the pause turn it off and on in place that way).
 *
 *   page text ─ scan/scanner (read/collect-text → scan/match-windows → ranges)
 *         ▲          │
 *   scan/observer    ├─ paint/paint-schedule ─ paint/painter (highlights) + card/hit-test
 *                    ├─ lens/count-report (badge)     └─ pointer → card/card-controller
 *                    └─ lens/summary, lens/reveal (popup, keyboard)
 */
import type { CardModel } from '../../core/card-model';
import type { StageTwo } from '../card/card-controller';
import type { EntityId } from '../../core/types';
import type { Dismissal } from '../../extension/dismissal';
import type { PageState, PageSummary } from '../../extension/messages';
import { guarded, reportError } from '../../extension/report-error';
import type { HighlightStyle } from '../../extension/setting-specs';
import { ORDER_SLICES, SLICE_BUDGET_MS } from '../budgets';
import { createCardController } from '../card/card-controller';
import { createMentionIndex, type PointApi } from '../card/hit-test';
import type { Found } from '../found';
import type { ReadRoot } from '../read/dom-rules';
import { createPaintSchedule } from '../paint/paint-schedule';
import {
  createHighlightPainter,
  createMarkPainter,
  highlightApi,
  type Painter,
  type SheetOptions,
} from '../paint/painter';
import type { MatchFn } from '../scan/match-windows';
import { createBatchedObserver } from '../scan/observer';
import { createScanner, type Scanner, type ScanState } from '../scan/scanner';
import { type ActiveFilter, activeFilter } from './active-filter';
import { createCountReport } from './count-report';
import { createDocOrder, type DocOrder } from './doc-order';
import { createNotThis } from './not-this';
import { createReveal, type RevealPosition, stepFrom } from './reveal';
import { summarize } from './summary';

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
  /** Loads the card UI, stage two (see `card/card-controller.ts`). */
  loadUi?(): Promise<StageTwo>;
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

/** Active mentions in document order (of `entity`, if given), `extra` sorted in if it is still there. */
function inOrder(activeFound: (entity?: EntityId) => Found[], docOrder: DocOrder) {
  return (entity: EntityId | undefined, extra: Found | undefined): Found[] => {
    const list = activeFound(entity);
    if (extra && !list.includes(extra) && extra.range.startContainer.isConnected) list.push(extra);
    return docOrder.sort(list, (f) => f.range);
  };
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
      if (batch.inFrame) schedule.now();
    }),
    signal,
    win,
  );
  const painter: Painter = api
    ? createHighlightPainter(doc, api, [...o.entities], settings.highlightStyle, o.sheets)
    : createMarkPainter(doc, settings.highlightStyle, observer.quietly);
  const index = createMentionIndex(
    doc,
    painter,
    () => (api?.registry as PointApi | undefined) ?? null,
    () => [...shadowRoots].filter((r) => r.isConnected),
  );

  /** Every mention found and not hidden or dismissed, painted or not. */
  const activeFound = (entity?: EntityId): Found[] => {
    const out: Found[] = [];
    for (const list of scanner.all()) {
      for (const f of list) if ((!entity || f.mention.entity === entity) && active(f)) out.push(f);
    }
    return out;
  };
  const ordered = inOrder(activeFound, docOrder);
  const count = createCountReport(() => activeFound().length, o.onCount, signal);
  const dismiss = createNotThis(o, () => ({ dismissals: settings.dismissals, lens }));
  const cards = createCardController({
    win,
    signal,
    card: o.card,
    loadUi: o.loadUi,
    hitTest: (x, y) => index.at(x, y),
    dwellMs: () => settings.dwellMs,
    ...dismiss,
    step: (f, by) => stepFrom(ordered(f.mention.entity, f), f, by),
    bring: (f) => reveal.bring(f),
  });
  const schedule = createPaintSchedule({
    painter,
    index,
    active: (f) => active(f),
    foundIn: (owner) => scanner.foundIn(owner),
    all: () => scanner.all(),
    marksChanged: () => docOrder.invalidate(),
    painted: cards.listen,
    signal,
  });

  const scanner: Scanner = createScanner({
    root: doc,
    match: o.deferred ? deferredMatch(o.match, o.deferred, () => scanner) : o.match,
    signal,
    limitChars: o.limitChars,
    entityCount: o.entities.length,
    onAdd(list) {
      schedule.added(list);
      count.changed();
      cards.reread(list);
    },
    onRemove(list) {
      schedule.removed(list);
      count.changed();
    },
    onMoved: schedule.moved,
    onShadowRoot(root) {
      shadowRoots.add(root);
      observer.observe(root);
    },
    onState: count.changed,
    onError: (error) => reportError(error, 'reading the page'),
  });

  const reveal = createReveal({
    win,
    signal,
    ordered,
    isCurrent: (f) => scanner.foundIn(f.owner)?.includes(f) === true,
    flash: (range) => painter.flash(range),
    open: (f) => cards.open(f, true),
  });

  signal.addEventListener('abort', () => painter.destroy(), { once: true });
  observer.observe(doc);
  scanner.start();

  /** Shows and hides what a change of the hidden entities or the dismissals asks for. */
  const refilter = () => {
    active = filter();
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
    count.changed();
  };

  const lens: Lens = {
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
    summary: () => ({ state: scanner.state, ...summarize(activeFound(), docOrder) }),
    reveal,
    processAnyway: () => scanner.processAnyway(),
    retry: () => scanner.rescan(),
    update(next) {
      settings = { ...settings, ...next };
      if (next.highlightStyle) painter.setStyle(next.highlightStyle);
      if (next.hiddenEntities || next.dismissals) refilter();
    },
  };
  return lens;
}
