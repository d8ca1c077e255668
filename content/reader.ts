/**
 * Stage two of the content script: the reader, loaded by stage one (entrypoints/content.ts) the
 * first time the gate says a name could be on the page. It links the matcher, starts the
 * controller (settings, the lens, messages) and loads the rest of stage two itself. Built apart
 * as an ES module (build/stage-two.ts); the extension's APIs reach it through stage one.
 */
import names from 'virtual:rivalry-match-data';
import { linkMatcher, type Matcher } from '../core/matcher';
import { drawsHighlightUnderlines } from '../extension/browser-support';
import { fuseOnDemand } from './fuse-on-demand';
import { type Controller, type ControllerOptions, startController } from './lens/controller';
import type { MatchFn } from './scan/match-windows';

/** What stage one hands the reader: the page, the context's life, and the extension's APIs. */
export type ReaderIo = Pick<
  ControllerOptions,
  | 'win'
  | 'signal'
  | 'mayName'
  | 'onInvalidated'
  | 'settings'
  | 'card'
  | 'sendCount'
  | 'saveDismissal'
  | 'removeDismissal'
  | 'onMessage'
>;

/**
 * The extension's own global, for the address of its files only: an `import()` of exactly
 * `chrome.runtime.getURL(…)` is what Firefox's add-on linter accepts, and both browsers have it.
 */
declare const chrome: { runtime: { getURL(path: string): string } };

export function startReader(io: ReaderIo): Promise<Controller> {
  // fuse.js, for misspellings: `fuse.js/basic` is content/fuse-on-demand.ts in this build
  // (build/stage-two.ts), which loads it from here the first time it is needed.
  fuseOnDemand.loadWith(() =>
    import(/* @vite-ignore */ chrome.runtime.getURL('/stage-two/fuse.js')).then((m) => m.default),
  );
  // Linked from the names on the first block of text read (a frame that stops early never pays).
  let matcher: Matcher | undefined;
  const match: MatchFn = (text, options) => {
    matcher ??= linkMatcher(names);
    return matcher.findMentions(text, options);
  };
  return startController({
    ...io,
    match,
    entities: names.entities.map((e) => e.id),
    // The card UI: an ES module of the extension's own (see build/stage-two.ts).
    loadUi: () => import(/* @vite-ignore */ chrome.runtime.getURL('/stage-two/card.js')),
    // Painting and the hover, on the first mention.
    loadShow: () => import(/* @vite-ignore */ chrome.runtime.getURL('/stage-two/show.js')),
    deferred: fuseOnDemand,
    // Every frame counts: the background sums a tab's frames for the badge and the popup.
    reportCounts: true,
    // `wxt build --mode fallback` makes a test build that paints with <rivalry-mark>.
    forceFallback: import.meta.env.MODE === 'fallback',
    // Chromium styles highlights by inheritance from `:root`, with the manifest's rules from
    // document start (build/early-sheet.ts); Firefox needs rules on every element.
    sheets: import.meta.env.FIREFOX
      ? { scope: 'tree', underlines: drawsHighlightUnderlines(navigator.userAgent) }
      : { scope: 'root', early: true },
  });
}
