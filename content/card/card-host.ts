/**
 * The `<rivalry-lens>` element: the one node we add to a page, created the first time a card is
 * shown. Its open shadow root holds the card, a `popover="manual"` element, so the card sits in
 * the top layer (never under the page's stacking contexts nor clipped by its overflow) and is
 * placed beside the mention (`place-card.ts`), following scroll and resizes once a frame.
 *
 * The shadow root is open so that tests, and assistive tools, can see into it.
 */
import { h, render } from 'preact';
import { Card } from '../../components/Card';
import type { CardModel } from '../../core/card-model';
import { HOST_TAG } from '../read/dom-rules';
import { CARD_CSS } from './card-css';
import { placeCard } from './place-card';

export interface ShowOptions {
  /** Move focus into the card (when opened from the keyboard); Escape brings it back. */
  focus: boolean;
  onNotThis?: (scope: 'page' | 'site') => void;
  onUndo?: () => void;
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
  let stopFollowing: (() => void) | null = null;
  /** Where focus was before it entered the card. */
  let returnFocus: Element | null = null;

  const ensure = (): HTMLElement => {
    if (card && host?.isConnected) return card;
    if (card) {
      // The page removed our host (removing a popover also hides it): start again, once per
      // card shown, never in reply to the removal itself.
      stopFollowing?.();
      stopFollowing = null;
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
    shadow.append(style, card);
    for (const type of ISOLATED) shadow.addEventListener(type, (e) => e.stopPropagation());
    shadow.addEventListener('focusin', (e) => {
      const from = (e as FocusEvent).relatedTarget;
      if (!returnFocus && from instanceof Element && !host?.contains(from)) returnFocus = from;
    });
    // After <body>, so nothing the page lays out or counts among body's children moves.
    doc.documentElement.append(host);
    return card;
  };

  const position = (anchor: Range, el: HTMLElement) => {
    const win = doc.defaultView as Window;
    const update = () => {
      if (anchor.collapsed || !anchor.startContainer.isConnected) {
        api.hide();
        return;
      }
      // The natural size, under the stylesheet's own limits, before this side's limit is set.
      el.style.maxHeight = '';
      const box = anchor.getBoundingClientRect();
      const root = doc.documentElement;
      const p = placeCard(
        box,
        { width: el.offsetWidth, height: el.offsetHeight },
        { width: root.clientWidth || win.innerWidth, height: root.clientHeight || win.innerHeight },
      );
      el.style.maxHeight = `${p.maxHeight}px`;
      el.style.left = `${p.x}px`;
      el.style.top = `${p.y}px`;
    };
    // Scrolling anywhere (capture: scrolling boxes too), resizing the window or the card (its
    // content changed): placed again once a frame.
    let frame = 0;
    const request = () => {
      frame ||= win.requestAnimationFrame(() => {
        frame = 0;
        update();
      });
    };
    const listen = { capture: true, passive: true };
    win.addEventListener('scroll', request, listen);
    win.addEventListener('resize', request, listen);
    const resized = new ResizeObserver(request);
    resized.observe(el);
    stopFollowing?.();
    stopFollowing = () => {
      win.removeEventListener('scroll', request, listen);
      win.removeEventListener('resize', request, listen);
      resized.disconnect();
      if (frame) win.cancelAnimationFrame(frame);
    };
    update();
  };

  const api: CardHost = {
    show(anchor, model, options) {
      const el = ensure();
      el.setAttribute('aria-label', `Rivalry Lens: ${model.name}`);
      render(h(Card, { model, onNotThis: options.onNotThis, onUndo: options.onUndo }), el);
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
      position(anchor, el);
      if (options.focus) {
        const active = deepActiveElement(doc);
        if (!returnFocus && active && !host?.contains(active)) returnFocus = active;
        el.focus({ preventScroll: true });
      }
    },
    hide() {
      if (!open || !card) return;
      open = false;
      stopFollowing?.();
      stopFollowing = null;
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
      if (card) render(null, card);
      host?.remove();
      host = null;
      card = null;
    },
  };
  return api;
}
