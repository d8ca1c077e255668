/**
 * The shadow root an element hosts, open or closed. A page's closed roots hide their text from
 * `el.shadowRoot`, but an extension may read them (issue #16): Chromium gives content scripts
 * `chrome.dom.openOrClosedShadowRoot(el)` (Chrome 88), Firefox an `openOrClosedShadowRoot`
 * property on elements seen through its content scripts' Xray wrappers. Which one is found once.
 *
 * Closed roots are looked for on custom elements only (a tag with a hyphen): web components are
 * where pages close them, and asking the extension API about every `div` and `span` read would
 * cost a call across the bindings per element.
 */

type Opener = (el: Element) => ShadowRoot | null;
interface DomApi {
  dom?: { openOrClosedShadowRoot?: (el: HTMLElement) => ShadowRoot | null };
}

/** How a custom element's closed root is asked for, found the first time one is met. */
let closedOpener: Opener | undefined;

function findClosedOpener(): Opener {
  const none: Opener = () => null;
  if (typeof Element === 'undefined') return none;
  if ('openOrClosedShadowRoot' in Element.prototype)
    return (el) =>
      (el as unknown as { openOrClosedShadowRoot: ShadowRoot | null }).openOrClosedShadowRoot ??
      null;
  const g = globalThis as { chrome?: DomApi; browser?: DomApi };
  const api = g.chrome?.dom?.openOrClosedShadowRoot ?? g.browser?.dom?.openOrClosedShadowRoot;
  if (typeof api !== 'function') return none;
  return (el) => {
    try {
      return api(el as HTMLElement) ?? null;
    } catch {
      // Not an HTML element (an SVG or MathML custom tag), or the API refused.
      return null;
    }
  };
}

/**
 * `el`'s shadow root, open or, on a custom element, closed; null when it hosts none. The
 * extension's API is first touched on a page's first custom element: in a new renderer, making
 * its bindings is a cost that a page without one never pays.
 */
export function shadowOf(el: Element): ShadowRoot | null {
  const open = el.shadowRoot;
  if (open || !el.localName.includes('-')) return open;
  closedOpener ??= findClosedOpener();
  return closedOpener(el);
}

/** Looks for the API again (tests that stand one in). */
export function resetShadowOpener(): void {
  closedOpener = undefined;
}
