/**
 * Connects a lens to the extension: reads and watches the settings, turns the lens off and on
 * in place when the site switch or the pause changes (no reload), and answers messages.
 */

import type { CardModel } from '../../core/card-model';
import type { EntityId } from '../../core/types';
import { type Dismissal, dismissalKey, pageOf } from '../../extension/dismissal';
import {
  isMessage,
  type PageState,
  type PageSummary,
  type RevealAnswer,
} from '../../extension/messages';
import { reportError } from '../../extension/report-error';
import { offStateOf, siteOf } from '../../extension/site';
import type { StageTwo } from '../card/card-controller';
import type { SheetOptions } from '../paint/painter';
import type { MatchFn } from '../scan/match-windows';
import { createLens, type Deferred, type Lens, type LensOptions, type LensSettings } from './lens';
import { type AskSettings, settingsView } from './settings-view';

export interface ControllerOptions {
  win: Window & typeof globalThis;
  /** Aborted when the content script's context is invalidated. */
  signal: AbortSignal;
  /** Register a teardown for when the context is invalidated. */
  onInvalidated(cb: () => void): void;
  match: MatchFn;
  /** See `LensOptions.mayName`. */
  mayName?: (text: string) => boolean;
  /** Asks the background for settings (see `settings-view.ts`). */
  settings: AskSettings;
  /** The entities that can be highlighted. */
  entities: readonly EntityId[];
  /** An entity's card (from the background). */
  card(entity: EntityId): Promise<CardModel | null>;
  /** Loads the card UI, stage two (see `card/card-controller.ts`). */
  loadUi(): Promise<StageTwo>;
  /** Loads painting and cards with the first mention (see `LensOptions.loadShow`). */
  loadShow: LensOptions['loadShow'];
  /** What `match` loads on demand (see `LensOptions.deferred`). */
  deferred?: Deferred;
  /** Whether to report counts to the background (the top frame does; frames do not). */
  reportCounts: boolean;
  forceFallback?: boolean;
  /** How the highlight rules are written and adopted (default: scope `tree`, no early rules). */
  sheets?: SheetOptions;
  sendCount(total: number, active: boolean): void;
  /** "Not this" was pressed: the background stores the dismissal (settled once stored). */
  saveDismissal(dismissal: Dismissal): Promise<void>;
  /** Undo of a "Not this": the background removes the dismissal (settled once removed). */
  removeDismissal(dismissal: Dismissal): Promise<void>;
  /** Registers a runtime message listener and returns its removal. */
  onMessage(listener: (message: unknown) => Promise<unknown> | undefined): () => void;
}

export interface Controller {
  /** The running lens, or null while off. */
  readonly lens: Lens | null;
  summary(): PageSummary;
}

interface Values extends LensSettings {
  disabledSites: readonly string[];
  paused: boolean;
}

export async function startController(o: ControllerOptions): Promise<Controller> {
  const host = o.win.location.hostname;
  const site = siteOf(host);
  // One question to the background before the first highlight.
  const view = settingsView(
    [
      'disabledSites',
      'paused',
      'hiddenEntities',
      'highlightStyle',
      'dwellMs',
      'dismissals',
    ] as const,
    o.settings,
    o.signal,
  );
  const values: Values = await view.read();

  let lens: Lens | null = null;
  let lensAbort: AbortController | null = null;

  const offState = (): PageState | null => offStateOf(host, values);

  const apply = () => {
    const off = offState() !== null || o.signal.aborted;
    if (off && lensAbort) {
      lensAbort.abort();
      lensAbort = null;
      lens = null;
      if (o.reportCounts) o.sendCount(0, false);
    } else if (!off && !lensAbort) {
      const abort = new AbortController();
      lensAbort = abort;
      o.signal.addEventListener(
        'abort',
        () => {
          abort.abort();
          if (lensAbort === abort) {
            lensAbort = null;
            lens = null;
          }
        },
        { once: true },
      );
      lens = createLens({
        win: o.win,
        signal: abort.signal,
        match: o.match,
        mayName: o.mayName,
        entities: o.entities,
        card: o.card,
        loadUi: o.loadUi,
        loadShow: o.loadShow,
        deferred: o.deferred,
        settings: values,
        site,
        page: () => pageOf(o.win.location),
        forceFallback: o.forceFallback,
        sheets: o.sheets,
        onCount: o.reportCounts ? (total) => o.sendCount(total, true) : undefined,
        onDismiss: (d) => {
          values.dismissals = [...values.dismissals, d];
          writing(o.saveDismissal(d));
        },
        onUndismiss: (d) => {
          const key = dismissalKey(d);
          values.dismissals = values.dismissals.filter((x) => dismissalKey(x) !== key);
          writing(o.removeDismissal(d));
        },
      });
    }
  };

  /**
   * "Not this" and its Undo change the dismissals here at once, then in storage through the
   * background. An answer about the dismissals asked before the last of those writes was done
   * may be older than what the page shows (an Undo overtaken by the answer to its "Not this"
   * would hide the mention again): it is left out, the page's own list being what storage
   * holds by then.
   */
  let writes = 0;
  let writtenAt = Number.NEGATIVE_INFINITY;
  const writing = (done: Promise<void>) => {
    writes++;
    done
      .catch(() => {})
      .finally(() => {
        writes--;
        writtenAt = performance.now();
      });
  };

  const unwatch = view.watch((key, value, askedAt) => {
    if (key === 'dismissals' && (writes > 0 || askedAt <= writtenAt)) return;
    (values as Record<keyof Values, unknown>)[key] = value;
    if (key === 'paused' || key === 'disabledSites') apply();
    else lens?.update({ [key]: value } as Partial<LensSettings>);
  });
  o.onInvalidated(unwatch);

  const controller: Controller = {
    get lens() {
      return lens;
    },
    summary() {
      const base = { host, total: 0, entities: [] };
      const off = offState();
      if (off || !lens) return { ...base, state: off ?? 'loading' };
      return { host, ...lens.summary() };
    },
  };

  /**
   * Answers that need the mentions in document order (the summary's first mentions, the next
   * mention to reveal), once the order is worked out in slices: on a page of tens of thousands of
   * blocks, working it out at once would be a long task.
   */
  const inOrder = <T>(answer: () => T): Promise<T> =>
    (lens?.orderReady() ?? Promise.resolve()).then(answer);

  const revealAnswer = (entity: EntityId | undefined): RevealAnswer => {
    const at = lens?.reveal(entity) ?? null;
    return at ? { ok: true, ...at } : { ok: false, index: 0, total: 0 };
  };

  const answer = (message: unknown): Promise<unknown> | undefined => {
    if (isMessage(message, 'getSummary')) return inOrder(() => controller.summary());
    if (isMessage(message, 'reveal')) return inOrder(() => revealAnswer(message.entity));
    if (isMessage(message, 'nextMention')) return inOrder(() => revealAnswer(undefined));
    if (isMessage(message, 'processAnyway')) {
      lens?.processAnyway();
      return Promise.resolve({ ok: lens !== null });
    }
    if (isMessage(message, 'retry')) {
      lens?.retry();
      return Promise.resolve({ ok: lens !== null });
    }
    return undefined;
  };
  const removeListener = o.onMessage((message) => {
    // A failed answer is reported here once, and the sender gets a rejection it already handles.
    try {
      return answer(message)?.catch((error: unknown) => {
        reportError(error, 'answering a message');
        throw error;
      });
    } catch (error) {
      reportError(error, 'answering a message');
      return Promise.reject(error);
    }
  });
  o.onInvalidated(removeListener);

  apply();
  return controller;
}
