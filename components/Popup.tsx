/**
 * The toolbar popup for one tab: the switches and the data's age, the page summary or the
 * reason there is none, the rivalry map and the wider landscape (folded away: the list gets the
 * height; a name in either opens its card there) and the shortcut. The popup has a fixed size,
 * so nothing moves as answers arrive.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Dataset } from '../core/dataset';
import type { EntityId } from '../core/types';
import { revealInTab, tabSummary } from '../extension/frames';
import { i18n } from '../extension/i18n';
import { isMessage, type PageSummary, type RevealAnswer, sendToTab } from '../extension/messages';
import { type Unreadable, unreadableReason } from '../extension/pages';
import { disabledSites, hiddenEntities, paused } from '../extension/settings';
import { disablingSite, offStateOf, siteOf } from '../extension/site';
import { DataAge } from './DataAge';
import { Landscape } from './Landscape';
import { PopupFold } from './PopupFold';
import { PopupSummary } from './PopupSummary';
import { PopupSwitches } from './PopupSwitches';
import { layoutRivalryMap, type MapData, RivalryMap } from './RivalryMap';
import { ShortcutHint } from './ShortcutHint';
import { useSetting } from './use-setting';

/** What the popup knows about the tab's page. */
export type PageView =
  /** Nothing heard yet (the first few milliseconds). */
  | { kind: 'asking' }
  /** The content script answered. */
  | { kind: 'page'; summary: PageSummary }
  /** A page the browser does not let extensions read. */
  | { kind: 'unreadable'; reason: Exclude<Unreadable, null> }
  /** No content script, and the browser hides the address: a browser page, or a web page open
   * since before Rivalry Lens was installed (only `activeTab`, granted by clicking the toolbar
   * button, shows the address). */
  | { kind: 'unknown' }
  /** The tab is still loading and its content script has not started. */
  | { kind: 'tab-loading' }
  /** A web page without our content script: it was open before Rivalry Lens was installed. */
  | { kind: 'not-running' };

/** How often to ask again while the page is still loading or being read. */
const RETRY_MS = 300;

async function askPage(tabId: number): Promise<PageView> {
  try {
    const summary = await tabSummary(tabId);
    if (summary && typeof summary === 'object' && 'state' in summary)
      return { kind: 'page', summary };
  } catch {
    // No content script answered; the tab's address tells why.
  }
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const url = tab?.url || tab?.pendingUrl;
  const reason = url ? unreadableReason(url) : null;
  if (reason) return { kind: 'unreadable', reason };
  if (tab?.status === 'loading') return { kind: 'tab-loading' };
  return url ? { kind: 'not-running' } : { kind: 'unknown' };
}

function isWaiting(view: PageView): boolean {
  return view.kind === 'tab-loading' || (view.kind === 'page' && view.summary.state === 'loading');
}

function usePageView(tabId: number | undefined) {
  const [view, setView] = useState<PageView>({ kind: 'asking' });
  const state = useRef({ asking: false, again: false, alive: true, retry: 0 });

  const refresh = useCallback(() => {
    const s = state.current;
    if (tabId === undefined || !s.alive) return;
    // One question at a time; a refresh asked for meanwhile runs once the answer is in.
    if (s.asking) {
      s.again = true;
      return;
    }
    s.asking = true;
    void askPage(tabId).then((next) => {
      s.asking = false;
      if (!s.alive) return;
      setView(next);
      clearTimeout(s.retry);
      if (s.again) {
        s.again = false;
        refresh();
      } else if (isWaiting(next)) s.retry = window.setTimeout(refresh, RETRY_MS);
    });
  }, [tabId]);

  useEffect(() => {
    const s = state.current;
    s.alive = true;
    if (tabId === undefined) {
      setView({ kind: 'unreadable', reason: 'browser-page' });
      return;
    }
    refresh();
    // The page reports its count as it changes; each report means a new summary.
    const onMessage = (message: unknown, sender: { tab?: { id?: number } }) => {
      if (isMessage(message, 'mentionCount') && sender.tab?.id === tabId) refresh();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    // Switching a site off or pausing changes the page's state; the content script's own
    // report follows, but ask too in case it has nothing new to count.
    const timers: number[] = [];
    const soon = () => {
      refresh();
      timers.push(window.setTimeout(refresh, 150), window.setTimeout(refresh, 600));
    };
    const unwatch = [disabledSites.watch(soon), paused.watch(soon)];
    return () => {
      s.alive = false;
      clearTimeout(s.retry);
      browser.runtime.onMessage.removeListener(onMessage);
      for (const u of unwatch) u();
      for (const t of timers) clearTimeout(t);
    };
  }, [tabId, refresh]);

  return { view, refresh };
}

const NOT_REVEALED: RevealAnswer = { ok: false, index: 0, total: 0 };

export function Popup(props: {
  tabId: number | undefined;
  data: Dataset;
  /** Today, for the data's age; the clock at render time unless a test fixes it. */
  today?: Date;
  /**
   * Closes the popup, so that it does not cover the mention just revealed; absent where the
   * popup is a tab of its own (then it stays, and says which mention it showed).
   */
  close?: () => void;
}) {
  const { tabId, data, close, today } = props;
  const { view, refresh } = usePageView(tabId);
  const sites = useSetting(disabledSites);
  const isPaused = useSetting(paused);
  const hidden = useSetting(hiddenEntities);
  const layout = useMemo(() => layoutRivalryMap(data), [data]);
  const host = view.kind === 'page' ? view.summary.host : undefined;
  const present = useMemo(
    () =>
      new Set<EntityId>(
        view.kind === 'page' && view.summary.state === 'ready'
          ? view.summary.entities.map((e) => e.entity)
          : [],
      ),
    [view],
  );

  const reveal = async (entity: EntityId): Promise<RevealAnswer> => {
    if (tabId === undefined) return NOT_REVEALED;
    try {
      const answer = await revealInTab(tabId, entity);
      if (answer?.ok) close?.();
      return answer ?? NOT_REVEALED;
    } catch {
      return NOT_REVEALED;
    }
  };
  const ask = async (type: 'processAnyway' | 'retry') => {
    if (tabId === undefined) return;
    await sendToTab(tabId, type, {}).catch(() => undefined);
    refresh();
  };

  return (
    <div class="popup" aria-busy={view.kind === 'asking'}>
      <header>
        <div class="title-row">
          <h1>{i18n.t('ext.name')}</h1>
          <DataAge asOf={data.asOf} today={today} month="short" />
        </div>
        <PopupSwitches host={host} sites={sites} isPaused={isPaused} />
      </header>
      <main class="body">
        <PageBody
          view={view}
          data={data}
          sites={sites}
          isPaused={isPaused}
          hidden={hidden}
          onReveal={reveal}
          onProcessAnyway={() => ask('processAnyway')}
          onRetry={() => ask('retry')}
        />
      </main>
      {/* One row for both folds; an open one rises over the list (popup.css). */}
      <div class="folds">
        <PopupFold title={i18n.t('popup.mapFold')} class="map" data={data}>
          {(open) => <RivalryMap data={data} layout={layout} present={present} onOpen={open} />}
        </PopupFold>
        <PopupFold title={i18n.t('popup.landscapeFold')} class="landscape-fold" data={data}>
          {(open) => <Landscape data={data} open={open} />}
        </PopupFold>
      </div>
      <footer>
        <ShortcutHint />
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {i18n.t('popup.options')}
        </button>
        <a href="/privacy.html" target="_blank" rel="noopener">
          {i18n.t('popup.privacy')}
        </a>
      </footer>
    </div>
  );
}

function Message(props: { state: string; title: string; children?: ComponentChildren }) {
  return (
    <div class="message" data-state={props.state}>
      <p class="message-title">{props.title}</p>
      {props.children}
    </div>
  );
}

function PageBody(props: {
  view: PageView;
  data: MapData;
  sites: readonly string[] | undefined;
  isPaused: boolean | undefined;
  hidden: readonly EntityId[] | undefined;
  onReveal: (entity: EntityId) => Promise<RevealAnswer>;
  onProcessAnyway: () => Promise<void>;
  onRetry: () => Promise<void>;
}) {
  const { view, data } = props;
  switch (view.kind) {
    case 'asking':
      return <div class="message" data-state="asking" />;
    case 'unreadable':
      return view.reason === 'store-page' ? (
        <Message state="unreadable" title={i18n.t('popup.storeTitle')}>
          <p>{i18n.t('popup.storeText')}</p>
        </Message>
      ) : (
        <Message state="unreadable" title={i18n.t('popup.browserPageTitle')}>
          <p>{i18n.t('popup.browserPageText')}</p>
        </Message>
      );
    case 'unknown':
      return (
        <Message state="unreadable" title={i18n.t('popup.browserPageTitle')}>
          <p>{i18n.t('popup.unknownText')}</p>
        </Message>
      );
    case 'tab-loading':
      return <Message state="loading" title={i18n.t('popup.tabLoading')} />;
    case 'not-running':
      return (
        <Message state="not-running" title={i18n.t('popup.notRunningTitle')}>
          <p>{i18n.t('popup.notRunningText')}</p>
        </Message>
      );
  }
  const { summary } = view;
  const off = props.sites ? disablingSite(summary.host, props.sites) : undefined;
  // A page where the content script found no name at all answers without the settings (it
  // never asks them there, entrypoints/content.ts): whether it is off here, the popup knows.
  let state = summary.state;
  if (state === 'ready' && summary.total === 0) {
    if (!props.sites || props.isPaused === undefined)
      return <div class="message" data-state="asking" />;
    state =
      offStateOf(summary.host, { paused: props.isPaused, disabledSites: props.sites }) ?? state;
  }
  switch (state) {
    case 'loading':
      return <Message state="loading" title={i18n.t('popup.reading')} />;
    case 'site-off':
      return (
        <Message
          state="site-off"
          title={i18n.t('popup.siteOffTitle', [off ?? siteOf(summary.host)])}
        >
          <p>{i18n.t('popup.siteOffText')}</p>
        </Message>
      );
    case 'paused':
      return (
        <Message state="paused" title={i18n.t('popup.pausedTitle')}>
          <p>{i18n.t('popup.pausedText')}</p>
        </Message>
      );
    case 'too-large':
      return (
        <Message state="too-large" title={i18n.t('popup.tooLargeTitle')}>
          <p>{i18n.t('popup.tooLargeText')}</p>
          <button type="button" class="primary" onClick={() => void props.onProcessAnyway()}>
            {i18n.t('popup.processAnyway')}
          </button>
        </Message>
      );
    case 'failed':
      return (
        <Message state="failed" title={i18n.t('popup.failedTitle')}>
          <p>{i18n.t('popup.failedText')}</p>
          <button type="button" class="primary" onClick={() => void props.onRetry()}>
            {i18n.t('popup.tryAgain')}
          </button>
        </Message>
      );
    case 'ready':
      if (summary.entities.length === 0) {
        const names = data.entities
          .filter((e) => e.highlight && !props.hidden?.includes(e.id))
          .map((e) => e.name);
        return (
          <Message state="nothing" title={i18n.t('popup.nothingTitle')}>
            <p>{i18n.t('popup.nothingText', [names.join(i18n.t('card.comma'))])}</p>
          </Message>
        );
      }
      return <PopupSummary summary={summary} data={data} onReveal={props.onReveal} />;
  }
}
