/**
 * Which mention's card is open: the hover (or the keyboard) asks for a card, its text comes from
 * the background once per entity, and the card host shows it beside the mention.
 */
import { type CardModel, withMention } from '../../core/card-model';
import type { EntityId } from '../../core/types';
import { type Found, sameMention } from '../found';
import type { Step } from '../lens/reveal';
import { loadOnce } from '../load-once';
import { OneShot } from '../one-shot';
import type { CardHost } from './card-host';
import { createHover, type Hover } from './hover';

/** The card UI, stage two of the content script (see `stage-two.ts`). */
export type StageTwo = typeof import('./stage-two');

export interface CardControllerOptions {
  win: Window;
  signal: AbortSignal;
  /** The card of an entity, from the background. */
  card(entity: EntityId): Promise<CardModel | null>;
  /** The painted mention under a viewport point. */
  hitTest(x: number, y: number): Found | null;
  dwellMs(): number;
  /** "Not this" was pressed on the card of `found`. */
  notThis(found: Found, scope: 'page' | 'site'): void;
  /** "Undo" was pressed on the card of `found`, after "Not this". */
  undo?(found: Found): void;
  /**
   * The mention of the same entity `by` places from `found` in document order (0: `found`
   * itself), with its position; null when `found` is no longer among them.
   */
  step?(found: Found, by: -1 | 0 | 1): Step | null;
  /** Scrolls a mention into view and flashes it, as the next-mention command does. */
  bring?(found: Found): void;
  /**
   * Loads the card UI. The content script imports the built stage two; tests, which have no
   * build, get the module itself.
   */
  loadUi(): Promise<StageTwo>;
}

export interface CardController {
  /** Opens the card of `found`; `focus` when opened from the keyboard. */
  open(found: Found, focus: boolean): void;
  close(): void;
  /** Starts following the pointer (once something is painted). */
  listen(): void;
  /** The block under an open card was read again: keep the card on the same mention. */
  reread(found: readonly Found[]): void;
  /** Closes the card if it shows (or is about to show) one of these, unless it shows its undo state. */
  closeIfAny(found: readonly Found[]): void;
}

export function createCardController(o: CardControllerOptions): CardController {
  const { win, signal } = o;
  const doc = win.document;
  let host: CardHost | null = null;
  let hover: Hover | null = null;
  let shown: Found | null = null;
  /** The mention whose card is on its way from the background. */
  let loading: Found | null = null;
  const cards = new Map<EntityId, Promise<CardModel | null>>();
  /** The card UI once loaded: every card after the first opens without waiting for it. */
  const ui = loadOnce(o.loadUi);
  /** Set while the card shows its undo state: it then closes by itself. */
  const undoing = new OneShot(signal);

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

  const close = () => {
    shown = null;
    loading = null;
    undoing.cancel();
    host?.hide();
  };

  /** Moves the card to the next or previous mention of its entity. */
  const stepBy = (by: -1 | 1) => {
    const from = shown;
    const next = from && o.step?.(from, by);
    if (!next || next.found === from) return;
    o.bring?.(next.found);
    open(next.found, true);
    hover?.hold();
  };

  const show = (f: Found, model: CardModel, focus: boolean, stage: StageTwo) => {
    host ??= stage.createCardHost(doc);
    shown = f;
    // A mention's place is said only when there is another to go to.
    const step = o.step?.(f, 0);
    const at = step && step.total > 1 ? step : null;
    host.show(f.range, withMention(model, f.mention), {
      focus,
      props: {
        position: at ? { index: at.index, total: at.total } : undefined,
        onNext: at ? () => stepBy(1) : undefined,
        onPrev: at ? () => stepBy(-1) : undefined,
        onNotThis: (scope) => {
          // Set first: hiding the mention asks to close its card, which the undo state refuses.
          undoing.set(close, stage.UNDO_MS);
          hover?.hold();
          o.notThis(f, scope);
        },
        onUndo: () => {
          undoing.cancel();
          o.undo?.(f);
        },
        // A reader who opens a rival's card is reading: it stays until Escape or a click away.
        loadCard: (entity) => {
          hover?.hold();
          return cardOf(entity);
        },
      },
      onGone: () => {
        shown = null;
        loading = null;
        undoing.cancel();
      },
    });
  };

  const open = (f: Found, focus: boolean) => {
    loading = f;
    undoing.cancel();
    const model = cardOf(f.mention.entity);
    // Only the first card waits for the UI; later ones take the same path as its text.
    const loaded = ui.value;
    const ready = loaded ? model.then((m) => [m, loaded] as const) : Promise.all([model, ui.get()]);
    void ready.then(([model, stage]) => {
      // Closed, or another mention asked for, while this card was on its way.
      if (loading !== f || signal.aborted) return;
      loading = null;
      if (model && stage) show(f, model, focus, stage);
    });
  };

  const listen = () => {
    hover ??= createHover({
      win,
      signal,
      hitTest: o.hitTest,
      inCard: (e) => host?.contains(e) ?? false,
      dwellMs: o.dwellMs,
      current: () => loading ?? (host?.isOpen ? shown : null),
      open: (f) => open(f, false),
      // The card's text and UI are asked for while the dwell runs, so a background that was
      // asleep has woken, and the UI is compiled, by the time the card opens.
      approach: (f) => {
        void cardOf(f.mention.entity);
        void ui.get();
      },
      // A card offering its Undo outlives the pointer leaving it; it closes when its time is up.
      close: (why) => {
        if (why === 'left' && undoing.pending) return;
        close();
      },
      same: sameMention,
    });
  };

  signal.addEventListener('abort', () => host?.destroy(), { once: true });

  return {
    open(f, focus) {
      listen();
      open(f, focus);
      if (focus) hover?.hold();
    },
    close,
    listen,
    reread(list) {
      if (!shown) return;
      const current = shown;
      const same = list.find((f) => sameMention(f, current));
      if (same) shown = same;
    },
    closeIfAny(list) {
      if (undoing.pending) return;
      if ((shown && list.includes(shown)) || (loading && list.includes(loading))) close();
    },
  };
}
