/**
 * The `<rivalry-lens>` element: the one node we add to a page, created the first time a card is
 * shown. Its open shadow root holds the card, a `popover="manual"` element, so the card sits in
 * the top layer (never under the page's stacking contexts nor clipped by its overflow) and is
 * placed beside the mention (`place-card.ts`), following scroll and resizes. A card opened from
 * the keyboard keeps Tab inside it, and the arrow keys step to the next or previous mention.
 *
 * The shadow root is open so that tests, and assistive tools, can see into it.
 */
import { h, render } from 'preact';
import { Card, type CardProps } from '../../components/Card';
import type { CardModel } from '../../core/card-model';
import { i18n } from '../../extension/i18n';
import { followPageScheme } from '../paint/page-scheme';
import { HOST_TAG } from '../read/dom-rules';
import { CARD_CSS } from './card-css';
import { type Follow, followMention } from './place-card';

export interface ShowOptions {
  /** Move focus into the card and keep Tab inside it (opened from the keyboard); Escape brings it back. */
  focus: boolean;
  /** What the card's buttons do. */
  props: Omit<CardProps, 'model' | 'onResize' | 'onShown'>;
  /** The card closed itself: its mention went away or left the viewport. */
  onGone(): void;
}

export interface CardHost {
  show(anchor: Range, model: CardModel, options: ShowOptions): void;
  /** Closes the card; focus goes back where it was if it was in the card. */
  hide(): void;
  readonly isOpen: boolean;
  /** True when the event happened inside our UI. */
  contains(event: Event): boolean;
  destroy(): void;
}

/** Events that stop at our shadow root, so the page's shortcuts and handlers never see them. */
const ISOLATED = ['keydown', 'keyup', 'keypress', 'click', 'dblclick', 'input', 'focusin'];

/** What Tab can reach inside the card. */
const FOCUSABLE = 'button:not([disabled]), a[href], summary, [tabindex]:not([tabindex="-1"])';

/** The element that has focus, looking into open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

export function createCardHost(doc: Document): CardHost {
  let host: HTMLElement | null = null;
  let card: HTMLElement | null = null;
  let open = false;
  let follow: Follow | null = null;
  /** Focus is kept inside the card (it was opened from the keyboard). */
  let trap = false;
  let current: ShowOptions['props'] | null = null;
  /** The card shows another entity's card, opened from a name on it: no mention to step from. */
  let other = false;
  /** Where focus was before it entered the card. */
  let returnFocus: Element | null = null;

  let stopScheme: (() => void) | null = null;

  const ensure = (): HTMLElement => {
    if (card && host?.isConnected) return card;
    if (card) {
      // The page removed our host (removing a popover also hides it): start again, once per
      // card shown, never in reply to the removal itself.
      follow?.stop();
      follow = null;
      render(null, card);
      open = false;
    }
    host = doc.createElement(HOST_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    card = doc.createElement('div');
    card.className = 'card';
    card.setAttribute('popover', 'manual');
    card.setAttribute('role', 'dialog');
    card.setAttribute('tabindex', '-1');
    stopScheme?.();
    // Dark on a dark page and light on a light one, whatever the system prefers; marked inside
    // our shadow root, where no observer of the page sees it change.
    stopScheme = followPageScheme(card);
    shadow.append(style, card);
    for (const type of ISOLATED) shadow.addEventListener(type, (e) => e.stopPropagation());
    shadow.addEventListener('keydown', (e) => onKey(e as KeyboardEvent));
    shadow.addEventListener('focusin', (e) => {
      const from = (e as FocusEvent).relatedTarget;
      if (!returnFocus && from instanceof Element && !host?.contains(from)) returnFocus = from;
    });
    // After <body>, so nothing the page lays out or counts among body's children moves.
    doc.documentElement.append(host);
    return card;
  };

  const position = (anchor: Range, el: HTMLElement, onGone: () => void) => {
    follow?.stop();
    follow = followMention(anchor, el, () => {
      follow = null;
      api.hide();
      onGone();
    });
  };

  /** Tab and Shift+Tab go round the card's controls; the arrows step between mentions. */
  const onKey = (e: KeyboardEvent) => {
    if (!open || !card) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      if (other) return;
      const step = e.key === 'ArrowRight' ? current?.onNext : current?.onPrev;
      if (step && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        step();
      }
      return;
    }
    if (e.key !== 'Tab' || !trap) return;
    const all = [...card.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.getClientRects().length > 0,
    );
    const first = all[0];
    const last = all[all.length - 1];
    if (!first || !last) {
      e.preventDefault();
      return;
    }
    const at = (card.getRootNode() as ShadowRoot).activeElement;
    const index = at ? all.indexOf(at as HTMLElement) : -1;
    if (e.shiftKey && index <= 0) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (index === -1 || at === last)) {
      e.preventDefault();
      first.focus();
    }
  };

  const api: CardHost = {
    show(anchor, model, options) {
      const el = ensure();
      const label = (m: CardModel) =>
        el.setAttribute('aria-label', i18n.t('card.dialogLabel', [m.name]));
      label(model);
      current = options.props;
      other = false;
      const onShown = (m: CardModel) => {
        label(m);
        other = m !== model;
      };
      render(h(Card, { model, ...options.props, onResize: () => follow?.update(), onShown }), el);
      if (!open) {
        if (typeof el.showPopover === 'function') {
          el.showPopover();
        } else {
          // No Popover API: a fixed element at the highest z-index is the closest we can get.
          el.style.zIndex = '2147483647';
          el.hidden = false;
        }
        open = true;
      }
      position(anchor, el, options.onGone);
      trap = options.focus;
      const active = deepActiveElement(doc);
      const inside = active !== null && (active === host || el.contains(active));
      if (options.focus && !inside) {
        if (!returnFocus && active) returnFocus = active;
        el.focus({ preventScroll: true });
      }
    },
    hide() {
      if (!open || !card) return;
      open = false;
      trap = false;
      current = null;
      follow?.stop();
      follow = null;
      const hadFocus = host !== null && doc.activeElement === host;
      if (typeof card.hidePopover === 'function') card.hidePopover();
      else card.hidden = true;
      const back = returnFocus;
      returnFocus = null;
      if (hadFocus && back instanceof HTMLElement && back.isConnected) {
        back.focus({ preventScroll: true });
      } else if (hadFocus) {
        (doc.activeElement as HTMLElement | null)?.blur();
      }
    },
    get isOpen() {
      return open;
    },
    contains(event) {
      return host !== null && event.composedPath().includes(host);
    },
    destroy() {
      api.hide();
      stopScheme?.();
      stopScheme = null;
      if (card) render(null, card);
      host?.remove();
      host = null;
      card = null;
    },
  };
  return api;
}
