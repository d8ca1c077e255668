/**
 * The content script, stage one: what every page loads. It asks the gate (core/gate.ts) whether
 * a name could be on the page, watching the page's text (content/gate-watch.ts), and loads the
 * reader (content/reader.ts, stage two) the first time one could be; a page that mentions none
 * of the names never loads anything more. Until then it answers the popup and the background
 * itself, for a page with nothing on it. Everything is registered through `ctx`, so an
 * invalidated context tears it all down.
 */
import gateData from 'virtual:rivalry-gate-names';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { type GateWatch, watchForNames } from '../content/gate-watch';
import type { Controller } from '../content/lens/controller';
import { isTopOrSameOriginFrame } from '../content/lens/where';
import { loadOnce } from '../content/load-once';
import type { ReaderIo } from '../content/reader';
import { type Gate, gateOpens, linkGate } from '../core/gate';
import { isMessage, type PageSummary, sendToBackground } from '../extension/messages';
import { PAGES } from '../extension/pages';
import { reportError } from '../extension/report-error';

/**
 * The extension's own global, for the address of its files only: an `import()` of exactly
 * `chrome.runtime.getURL(…)` is what Firefox's add-on linter accepts (the bundled `browser` is
 * renamed by the minifier), and both browsers have it.
 */
declare const chrome: { runtime: { getURL(path: string): string } };

type Listener = (message: unknown) => Promise<unknown> | undefined;

/** The messages the content script answers (extension/messages.ts). */
const QUERIES = ['getSummary', 'reveal', 'nextMention', 'processAnyway', 'retry'] as const;
const isQuery = (message: unknown) => QUERIES.some((type) => isMessage(message, type));

/**
 * The answers of a page the gate has found nothing on, yet (`read`: whether it has read the
 * page once). No mention: the popup, which holds the settings, tells an off site or the pause
 * from that (components/Popup.tsx), so that a page with nothing on it makes no call to the
 * extension at all (the background asks every page it has no count of, on `complete`).
 */
function shutAnswer(message: unknown, read: boolean): Promise<unknown> | undefined {
  if (isMessage(message, 'getSummary')) {
    const summary: PageSummary = {
      state: read ? 'ready' : 'loading',
      host: location.hostname,
      total: 0,
      entities: [],
    };
    return Promise.resolve(summary);
  }
  if (isMessage(message, 'reveal') || isMessage(message, 'nextMention'))
    return Promise.resolve({ ok: false, index: 0, total: 0 });
  if (isMessage(message, 'processAnyway') || isMessage(message, 'retry'))
    return Promise.resolve({ ok: false });
  return undefined;
}

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
    if (window !== window.top) {
      // A frame keeps its id when it navigates: its new page starts from nothing on the badge,
      // where a page without mentions would otherwise leave the old page's count; and a frame
      // taken out of the page takes its count with it.
      sendToBackground('mentionCount', { total: 0, active: true }).catch(() => {});
      ctx.addEventListener(window, 'pagehide', () => {
        sendToBackground('mentionCount', { total: 0, active: false }).catch(() => {});
      });
    }

    // Linked on the first text asked (a frame that stops early never pays for it).
    let gate: Gate | undefined;
    const mayName = (text: string, from?: number, to?: number) => {
      gate ??= linkGate(gateData);
      return gateOpens(gate, text, from, to);
    };

    /** The controller's answers, once the reader has started it. */
    let answer: Listener | null = null;
    const io: ReaderIo = {
      win: window,
      signal: ctx.signal,
      // The reader asks it too, of blocks of blocks, to pass over those that hold no name.
      mayName,
      onInvalidated: (cb) => ctx.onInvalidated(cb),
      settings: (names) => sendToBackground('getSettings', { names }),
      card: (entity) => sendToBackground('getCard', { entity }),
      sendCount: (total, active) => {
        // The background may be asleep or reloading; a lost badge update is harmless.
        sendToBackground('mentionCount', { total, active }).catch(() => {});
      },
      // A failed write is the background's to report; the page keeps its own list meanwhile.
      removeDismissal: (dismissal) => sendToBackground('undismiss', dismissal).catch(() => {}),
      saveDismissal: (dismissal) => sendToBackground('dismiss', dismissal).catch(() => {}),
      onMessage: (listener) => {
        answer = listener;
        return () => {
          if (answer === listener) answer = null;
        };
      },
    };
    // The reader, stage two: an ES module of the extension's own (see build/stage-two.ts).
    const reader = loadOnce<Controller>(
      () =>
        import(/* @vite-ignore */ chrome.runtime.getURL('/stage-two/reader.js')).then(
          (m: typeof import('../content/reader')) => m.startReader(io),
        ),
      (error) => reportError(error, 'starting on this page'),
    );
    let opened = false;

    // One listener for the content script's life: the gate's answers, then the controller's.
    let watch: GateWatch | undefined;
    const listener: Listener = (message) => {
      if (answer) return answer(message);
      if (!isQuery(message)) return undefined;
      if (!opened) return shutAnswer(message, watch?.readOnce === true);
      return reader.get().then(() => (answer ? answer(message) : shutAnswer(message, true)));
    };
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));

    watch = watchForNames({
      doc: document,
      signal: ctx.signal,
      mayName,
      open: () => {
        opened = true;
        void reader.get();
      },
    });
  },
});
