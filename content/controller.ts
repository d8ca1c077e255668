/**
 * Connects a lens to the extension: reads and watches the settings, turns the lens off and on
 * in place when the site switch or the pause changes (no reload), and answers messages.
 */

import type { CardModel } from '../core/card-model';
import type { EntityId } from '../core/types';
import { isMessage, type PageState, type PageSummary } from '../extension/messages';
import * as settings from '../extension/settings';
import { createLens, type Lens, type LensSettings } from './lens';
import type { MatchFn } from './match-windows';

export interface ControllerOptions {
  win: Window & typeof globalThis;
  /** Aborted when the content script's context is invalidated. */
  signal: AbortSignal;
  /** Register a teardown for when the context is invalidated. */
  onInvalidated(cb: () => void): void;
  match: MatchFn;
  /** The entities that can be highlighted. */
  entities: readonly EntityId[];
  /** An entity's card (from the background). */
  card(entity: EntityId): Promise<CardModel | null>;
  /** Whether to report counts to the background (the top frame does; frames do not). */
  reportCounts: boolean;
  forceFallback?: boolean;
  sendCount(total: number, active: boolean): void;
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
  const site = settings.siteOf(host);
  // All at once: one round trip's wait instead of six in a row before the first highlight.
  const [disabledSites, paused, hiddenEntities, highlightStyle, dwellMs, dismissals] =
    await Promise.all([
      settings.disabledSites.getValue(),
      settings.paused.getValue(),
      settings.hiddenEntities.getValue(),
      settings.highlightStyle.getValue(),
      settings.dwellMs.getValue(),
      settings.dismissals.getValue(),
    ]);
  const values: Values = {
    disabledSites,
    paused,
    hiddenEntities,
    highlightStyle,
    dwellMs,
    dismissals,
  };

  let lens: Lens | null = null;
  let lensAbort: AbortController | null = null;

  const offState = (): PageState | null => {
    if (values.paused) return 'paused';
    if (values.disabledSites.some((s) => settings.hostInSite(host, s))) return 'site-off';
    return null;
  };

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
        entities: o.entities,
        card: o.card,
        settings: values,
        site,
        forceFallback: o.forceFallback,
        onCount: o.reportCounts ? (total) => o.sendCount(total, true) : undefined,
        onDismiss: (d) => {
          values.dismissals = [...values.dismissals, d];
          void settings.dismissals.setValue([...values.dismissals]);
        },
      });
    }
  };

  const watch = <K extends keyof Values>(
    key: K,
    item: { watch(cb: (v: Values[K] | null) => void): () => void },
    fallback: Values[K],
  ) => {
    const unwatch = item.watch((v) => {
      values[key] = v ?? fallback;
      if (key === 'paused' || key === 'disabledSites') apply();
      else lens?.update({ [key]: values[key] } as Partial<LensSettings>);
    });
    o.onInvalidated(unwatch);
  };
  watch('disabledSites', settings.disabledSites, []);
  watch('paused', settings.paused, false);
  watch('hiddenEntities', settings.hiddenEntities, []);
  watch('highlightStyle', settings.highlightStyle, 'fill');
  watch('dwellMs', settings.dwellMs, 300);
  watch('dismissals', settings.dismissals, []);

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

  const removeListener = o.onMessage((message) => {
    if (isMessage(message, 'getSummary')) return Promise.resolve(controller.summary());
    if (isMessage(message, 'reveal')) {
      return Promise.resolve({ ok: lens?.reveal(message.entity) ?? false });
    }
    if (isMessage(message, 'nextMention')) return Promise.resolve({ ok: lens?.reveal() ?? false });
    if (isMessage(message, 'processAnyway')) {
      lens?.processAnyway();
      return Promise.resolve({ ok: lens !== null });
    }
    return undefined;
  });
  o.onInvalidated(removeListener);

  apply();
  return controller;
}
