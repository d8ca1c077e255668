/**
 * What a page needs once it has a mention: painting, hit-testing, the hover and the card's
 * controller, and reveal. Built apart as an ES module like the card UI (build/stage-two.ts) and
 * loaded by the lens the first time a mention is found, so a page that mentions none of the names
 * never compiles it. It uses no extension API: the lens passes in what it needs.
 */
import type { CardModel } from '../../core/card-model';
import type { EntityId } from '../../core/types';
import type { HighlightStyle } from '../../extension/setting-specs';
import { type CardController, createCardController, type StageTwo } from '../card/card-controller';
import { createMentionIndex, type PointApi } from '../card/hit-test';
import type { Found } from '../found';
import type { HighlightApi } from '../paint/highlight-api';
import { createPaintSchedule, type PaintSchedule } from '../paint/paint-schedule';
import {
  createHighlightPainter,
  createMarkPainter,
  type Painter,
  type SheetOptions,
} from '../paint/painter';
import type { Scanner } from '../scan/scanner';
import type { DocOrder } from './doc-order';
import { createNotThis, type NotThisOptions, type Now } from './not-this';
import { createReveal, type Reveal, stepFrom } from './reveal';

export interface ShowOptions extends NotThisOptions {
  win: Window & typeof globalThis;
  signal: AbortSignal;
  /** The page's Highlight API; null paints with `<rivalry-mark>`. */
  api: HighlightApi | null;
  entities: readonly EntityId[];
  /** The style when loaded (later changes go to `painter.setStyle`). */
  style: HighlightStyle;
  sheets?: SheetOptions;
  /** Runs a change of the page's DOM unseen by the lens's observer (the fallback's marks). */
  quietly<T>(fn: () => T): T;
  shadowRoots(): ShadowRoot[];
  docOrder: DocOrder;
  /** Whether a mention is to be shown (not hidden, not dismissed), as of now. */
  active(found: Found): boolean;
  /** The active mentions (of `entity`, if given), in no order. */
  activeFound(entity?: EntityId): Found[];
  scanner: Pick<Scanner, 'foundIn' | 'all' | 'state'>;
  card(entity: EntityId): Promise<CardModel | null>;
  loadUi(): Promise<StageTwo>;
  dwellMs(): number;
  /** The dismissals in force, and how the lens puts a changed list in force. */
  now(): Now;
}

export interface Show {
  painter: Painter;
  schedule: PaintSchedule;
  cards: CardController;
  reveal: Reveal;
}

/** Active mentions in document order (of `entity`, if given), `extra` sorted in if it is still there. */
function inOrder(activeFound: (entity?: EntityId) => Found[], docOrder: DocOrder) {
  return (entity: EntityId | undefined, extra: Found | undefined): Found[] => {
    const list = activeFound(entity);
    if (extra && !list.includes(extra) && extra.range.startContainer.isConnected) list.push(extra);
    return docOrder.sort(list, (f) => f.range);
  };
}

export function createShow(o: ShowOptions): Show {
  const { win, signal, api, docOrder, scanner } = o;
  const doc = win.document;
  const painter: Painter = api
    ? createHighlightPainter(doc, api, [...o.entities], o.style, o.sheets)
    : createMarkPainter(doc, o.style, o.quietly);
  const index = createMentionIndex(
    doc,
    painter,
    () => (api?.registry as PointApi | undefined) ?? null,
    o.shadowRoots,
  );
  const ordered = inOrder(o.activeFound, docOrder);
  const cards = createCardController({
    win,
    signal,
    card: o.card,
    loadUi: o.loadUi,
    hitTest: (x, y) => index.at(x, y),
    dwellMs: o.dwellMs,
    ...createNotThis(o, o.now),
    step: (f, by) => stepFrom(ordered(f.mention.entity, f), f, by),
    bring: (f) => reveal.bring(f),
  });
  const schedule = createPaintSchedule({
    painter,
    index,
    active: o.active,
    foundIn: (owner) => scanner.foundIn(owner),
    all: () => scanner.all(),
    reading: () => scanner.state === 'loading',
    marksChanged: () => docOrder.invalidate(),
    painted: cards.listen,
    signal,
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
  // What was found before this was loaded, painted now: a reveal may come right after.
  for (const list of scanner.all()) schedule.added([...list]);
  schedule.now();
  return { painter, schedule, cards, reveal };
}
