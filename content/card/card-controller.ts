/**
 * Which mention's card is open: the hover (or the keyboard) asks for a card, its text comes from
 * the background once per entity, and the card host shows it beside the mention.
 */
import { UNDO_MS } from '../../components/Card';
import { type CardModel, withMention } from '../../core/card-model';
import type { EntityId } from '../../core/types';
import { type Found, sameMention } from '../found';
import { type CardHost, createCardHost } from './card-host';
import { createHover, type Hover } from './hover';

export interface CardControllerOptions {
  win: Window;
  signal: AbortSignal;
  /** The card of an entity, from the background. */
  card(entity: EntityId): Promise<CardModel | null>;
  /** The painted mention under a viewport point. */
  hitTest(x: number, y: number): Found | null;
  dwellMs(): number;
  /** "Not this" was pressed on the card of `found`, for this page or the whole site. */
  notThis(found: Found, scope: 'page' | 'site'): void;
  /** Undo was pressed on the card of `found`, after its "Not this". */
  undo?(found: Found): void;
}

export interface CardController {
  /** Opens the card of `found`; `focus` when opened from the keyboard. */
  open(found: Found, focus: boolean): void;
  close(): void;
  /** Starts following the pointer (once something is painted). */
  listen(): void;
  /** The block under an open card was read again: keep the card on the same mention. */
  reread(found: readonly Found[]): void;
  /** Closes the card if it shows (or is about to show) one of these. */
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

  /** While a card shows its undo state, it stays open although its mention is no longer shown. */
  let undoTimer = 0;
  const endUndo = () => {
    if (undoTimer) win.clearTimeout(undoTimer);
    undoTimer = 0;
  };

  const close = () => {
    endUndo();
    shown = null;
    loading = null;
    host?.hide();
  };

  const open = (f: Found, focus: boolean) => {
    loading = f;
    void cardOf(f.mention.entity).then((model) => {
      // Closed, or another mention asked for, while this card was on its way.
      if (loading !== f || signal.aborted) return;
      loading = null;
      if (!model) return;
      host ??= createCardHost(doc);
      shown = f;
      host.show(f.range, withMention(model, f.mention), {
        focus,
        onNotThis: (scope) => {
          endUndo();
          undoTimer = win.setTimeout(close, UNDO_MS);
          o.notThis(f, scope);
        },
        onUndo: () => {
          endUndo();
          o.undo?.(f);
        },
      });
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
      // The card's text is asked for while the dwell runs, so a background that was asleep
      // has woken by the time the card opens.
      approach: (f) => void cardOf(f.mention.entity),
      close,
      same: sameMention,
    });
  };

  signal.addEventListener('abort', () => host?.destroy(), { once: true });

  return {
    open(f, focus) {
      listen();
      open(f, focus);
      if (focus) hover?.openedByKeyboard();
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
      if (undoTimer) return;
      if ((shown && list.includes(shown)) || (loading && list.includes(loading))) close();
    },
  };
}
