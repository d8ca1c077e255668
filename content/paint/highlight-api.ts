/**
 * Whether the page has the CSS Custom Highlight API: known at start (stage one), before the
 * painter, which is loaded with the first mention (see `lens/show.ts`).
 */
/** The parts of the Highlight API we use, so tests can pass a stand-in. */
export interface HighlightApi {
  readonly registry: HighlightRegistry;
  Highlight: typeof Highlight;
}

/**
 * The page's Highlight API, or null where it is missing (then use the fallback). `CSS` is only
 * touched when the registry is first used: the first look at it from a new world makes the
 * whole namespace (about 60 functions), a cost that a page with no mention need not pay.
 */
export function highlightApi(win: Window & typeof globalThis): HighlightApi | null {
  const w = win as { Highlight?: typeof Highlight; HighlightRegistry?: unknown };
  const ctor = w.Highlight;
  if (typeof ctor !== 'function' || typeof w.HighlightRegistry !== 'function') return null;
  let registry: HighlightRegistry | undefined;
  return {
    get registry() {
      registry ??= win.CSS.highlights;
      return registry;
    },
    Highlight: ctor,
  };
}
