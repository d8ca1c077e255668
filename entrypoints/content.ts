/**
 * The content script: wiring only. The parts live in `content/` (see `content/lens/lens.ts` for the
 * diagram); everything is registered through `ctx`, so an invalidated context tears it all down.
 */
import names from 'virtual:rivalry-match-data';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { fuseOnDemand } from '../content/fuse-on-demand';
import { startController } from '../content/lens/controller';
import { isTopOrSameOriginFrame } from '../content/lens/where';
import { earlySheet } from '../content/paint/early-sheet';
import type { MatchFn } from '../content/scan/match-windows';
import { linkMatcher, type Matcher } from '../core/matcher';
import { drawsHighlightUnderlines } from '../extension/browser-support';
import { sendToBackground } from '../extension/messages';
import { PAGES } from '../extension/pages';
import { reportError } from '../extension/report-error';

/**
 * Linked from the names the build prepared, on the first block of text read (a frame that stops
 * early never pays for it).
 */
let matcher: Matcher | undefined;
const match: MatchFn = (text, options) => {
  matcher ??= linkMatcher(names);
  return matcher.findMentions(text, options);
};

/**
 * The extension's own global, for the address of its files only: an `import()` of exactly
 * `chrome.runtime.getURL(…)` is what Firefox's add-on linter accepts (the bundled `browser` is
 * renamed by the minifier), and both browsers have it.
 */
declare const chrome: { runtime: { getURL(path: string): string } };

export default defineContentScript({
  matches: PAGES,
  allFrames: true,
  // Also about:blank and srcdoc frames: they share the page's origin (checked below).
  matchAboutBlank: true,
  runAt: 'document_idle',
  // No window.postMessage at start (WXT's old way of telling older copies to stop): pages with
  // careless message listeners choke on it. WXT's custom event on the document remains.
  noScriptStartedPostMessage: true,
  main(ctx) {
    if (!isTopOrSameOriginFrame()) return;
    // fuse.js, for misspellings, is stage two too: `fuse.js/basic` is content/fuse-on-demand.ts
    // in this build (build/stage-two.ts), which loads it from here the first time it is needed.
    fuseOnDemand.loadWith(() =>
      import(/* @vite-ignore */ chrome.runtime.getURL('/stage-two/fuse.js')).then((m) => m.default),
    );
    if (window !== window.top) {
      // A frame keeps its id when it navigates: its new page starts from nothing on the badge,
      // where a page without mentions would otherwise leave the old page's count; and a frame
      // taken out of the page takes its count with it.
      sendToBackground('mentionCount', { total: 0, active: true }).catch(() => {});
      ctx.addEventListener(window, 'pagehide', () => {
        sendToBackground('mentionCount', { total: 0, active: false }).catch(() => {});
      });
    }
    startController({
      win: window,
      signal: ctx.signal,
      onInvalidated: (cb) => ctx.onInvalidated(cb),
      match,
      settings: (names) => sendToBackground('getSettings', { names }),
      entities: names.entities.map((e) => e.id),
      card: (entity) => sendToBackground('getCard', { entity }),
      // The card UI, stage two: an ES module of the extension's own (see build/stage-two.ts).
      loadUi: () => import(/* @vite-ignore */ chrome.runtime.getURL('/stage-two/card.js')),
      // Painting and the hover, on the first mention: a page with none never compiles them.
      loadShow: () => import(/* @vite-ignore */ chrome.runtime.getURL('/stage-two/show.js')),
      deferred: fuseOnDemand,
      // Every frame counts: the background sums a tab's frames for the badge and the popup.
      reportCounts: true,
      // `wxt build --mode fallback` makes a test build that paints with <rivalry-mark>.
      forceFallback: import.meta.env.MODE === 'fallback',
      // Chromium styles highlights by inheritance from `:root`, with the sheet that
      // entrypoints/early-sheet.ts adopted at document start; Firefox needs rules on every element.
      sheets: import.meta.env.FIREFOX
        ? { scope: 'tree', underlines: drawsHighlightUnderlines(navigator.userAgent) }
        : { scope: 'root', early: earlySheet() },
      sendCount: (total, active) => {
        // The background may be asleep or reloading; a lost badge update is harmless.
        sendToBackground('mentionCount', { total, active }).catch(() => {});
      },
      // A failed write is the background's to report; the page keeps its own list meanwhile.
      removeDismissal: (dismissal) => sendToBackground('undismiss', dismissal).catch(() => {}),
      saveDismissal: (dismissal) => sendToBackground('dismiss', dismissal).catch(() => {}),
      onMessage: (listener) => {
        const wrapped = (message: unknown) => listener(message);
        browser.runtime.onMessage.addListener(wrapped);
        return () => browser.runtime.onMessage.removeListener(wrapped);
      },
    }).catch((error: unknown) => reportError(error, 'starting on this page'));
  },
});
