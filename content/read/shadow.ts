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

let opener: Opener | undefined;

function findOpener(): Opener {
  const open: Opener = (el) => el.shadowRoot;
  if (typeof Element === 'undefined') return open;
  if ('openOrClosedShadowRoot' in Element.prototype) {
    return (el) =>
      el.shadowRoot ??
      (el.tagName.includes('-')
        ? ((el as unknown as { openOrClosedShadowRoot: ShadowRoot | null })
            .openOrClosedShadowRoot ?? null)
        : null);
  }
  const g = globalThis as { chrome?: DomApi; browser?: DomApi };
  const api = g.chrome?.dom?.openOrClosedShadowRoot ?? g.browser?.dom?.openOrClosedShadowRoot;
  if (typeof api !== 'function') return open;
  return (el) => {
    const sr = el.shadowRoot;
    if (sr || !el.tagName.includes('-')) return sr;
    try {
      return api(el as HTMLElement) ?? null;
    } catch {
      // Not an HTML element (an SVG or MathML custom tag), or the API refused.
      return null;
    }
  };
}

/** `el`'s shadow root, open or, on a custom element, closed; null when it hosts none. */
export function shadowOf(el: Element): ShadowRoot | null {
  opener ??= findOpener();
  return opener(el);
}

/** Looks for the API again (tests that stand one in). */
export function resetShadowOpener(): void {
  opener = undefined;
}
