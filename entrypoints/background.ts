/**
 * Wiring of the background: the cards' text (`getCard`), the pages' settings (`getSettings`),
 * "Not this" (`dismiss`, `undismiss`), the mention-count badge and the toolbar button's state,
 * the context-menu entry that turns this site off or back on, the `next-mention` keyboard command, the repair of corrupt settings, and
 * the automatic check of the published data file (only with its option on).
 */
import { type Browser, browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { cardModel } from '../core/card-model';
import type { Dataset } from '../core/dataset';
import { loadActiveDataset, watchActiveDataset } from '../extension/active-dataset';
import { TabBadges, toolbarAction } from '../extension/badge';
import { withLocalFronts } from '../extension/front-names';
import { checkIfDue, dataUpdatesOn } from '../extension/data-update';
import { storedDismissal } from '../extension/dismissal';
import { isMessage, sendToTab } from '../extension/messages';
import { PAGES, unreadableReason } from '../extension/pages';
import { ACCENT } from '../extension/palette';
import { reportError } from '../extension/report-error';
import {
  addDismissal,
  disabledSites,
  paused,
  readSettings,
  removeDismissal,
  setSiteEnabled,
  settingForStorageKey,
} from '../extension/settings';
import { repairSettings } from '../extension/settings-repair';
import { i18n } from '../extension/i18n';
import { disablingSite } from '../extension/site';
import { lookFor } from '../extension/toolbar-state';

/** The one context-menu entry: it turns the page's site off, or back on when it is off. */
export const MENU_SITE_OFF = 'rivalry-lens-site-off';

/** The entry's title for a page whose site is `off` or not. */
export function siteMenuTitle(off: boolean): string {
  return off ? i18n.t('menu.siteOn') : i18n.t('menu.siteOff');
}
export const NEXT_MENTION_COMMAND = 'next-mention';

/** How often a running background asks whether the daily data check is due. */
const DATA_CHECK_POLL_MS = 60 * 60 * 1000;

/** The part of Firefox's `menus` API that Chromium lacks. */
interface FirefoxMenus {
  onShown?: { addListener(listener: (info: { pageUrl?: string }) => void): void };
  update(id: string, change: { title: string }): Promise<void>;
  refresh(): Promise<void>;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url || unreadableReason(url)) return undefined;
  return new URL(url).hostname;
}

export default defineBackground(() => {
  const badges = new TabBadges();
  // The settings as last read, for the toolbar button and the menu entry's title.
  const known = { sites: [] as readonly string[], paused: false };

  // The dataset the cards are built from, read once and again only after an update or a reset.
  let active: Promise<Dataset> | undefined;
  const activeDataset = () => {
    active ??= loadActiveDataset().then((data) => data.dataset);
    return active;
  };
  watchActiveDataset(() => {
    active = undefined;
  });

  // The daily data check needs no `alarms` permission: it runs when the background starts (a
  // service worker starts again on the first event after it was stopped, such as a page's
  // first card), hourly while it runs (Firefox's background page lives as long as the browser)
  // and when the option is turned on; `checkIfDue` lets at most one through a day, and none
  // with the option off.
  const checkData = () =>
    void checkIfDue().catch((error: unknown) => reportError(error, 'the data check'));
  checkData();
  setInterval(checkData, DATA_CHECK_POLL_MS);
  dataUpdatesOn.watch((on) => {
    if (on) checkData();
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    // A throw here would leave the sender waiting for an answer that never comes.
    try {
      return answer(message, sender)?.catch((error: unknown) => {
        reportError(error, 'the background');
        throw error;
      });
    } catch (error) {
      reportError(error, 'the background');
      return Promise.reject(error);
    }
  });

  function answer(
    message: unknown,
    sender: Browser.runtime.MessageSender,
  ): Promise<unknown> | undefined {
    if (isMessage(message, 'getCard'))
      return activeDataset().then((data) => cardModel(withLocalFronts(data), message.entity));
    if (isMessage(message, 'getSettings'))
      return readSettings(Array.isArray(message.names) ? message.names : []);
    if (isMessage(message, 'dismiss')) return addDismissal(storedDismissal(message)).then(() => {});
    if (isMessage(message, 'undismiss'))
      return removeDismissal(storedDismissal(message)).then(() => {});
    if (isMessage(message, 'mentionFrames')) return Promise.resolve(mentionFrames(message.tabId));
    if (!isMessage(message, 'mentionCount')) return undefined;
    const tabId = sender.tab?.id;
    const host = hostOf(sender.tab?.url) ?? hostOf(sender.url) ?? '';
    if (tabId !== undefined)
      void badges.report(tabId, sender.frameId ?? 0, host, message.total, message.active);
    if (sender.tab?.active && (sender.frameId ?? 0) === 0) void titleMenu(host);
    return undefined;
  }

  /** The frames of a tab (not the top one) with mentions, for the popup to ask (`frames.ts`). */
  function mentionFrames(tabId: number): number[] {
    return badges.framesOf(tabId);
  }

  /** Titles the menu entry for the page on `host` (the active tab's), off or on. */
  async function titleMenu(host: string | undefined) {
    const off = !!host && !!disablingSite(host, known.sites);
    try {
      await browser.contextMenus?.update(MENU_SITE_OFF, { title: siteMenuTitle(off) });
    } catch {
      // Not created yet (the install event is still on its way).
    }
  }

  async function titleMenuForActiveTab() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await titleMenu(await hostOfTab(tab.id, tab.url));
  }

  /** A tab's host: as its page reported it, or from its address where the browser shows it. */
  async function hostOfTab(tabId: number, url?: string): Promise<string | undefined> {
    const reported = badges.hostOf(tabId);
    if (reported) return reported;
    const tab = url ? undefined : await browser.tabs.get(tabId).catch(() => undefined);
    return hostOf(url ?? tab?.url);
  }

  async function settingsChanged(next: Partial<typeof known>) {
    Object.assign(known, next);
    const { sites, paused: isPaused } = known;
    await badges.setLook((host) => lookFor(host, sites, isPaused));
    // Tabs no page has reported on keep the button's default title; the pause concerns them too.
    const { title, icon } = lookFor(undefined, sites, isPaused);
    try {
      await toolbarAction().setTitle({ title });
      if (icon) await toolbarAction().setIcon({ path: icon });
    } catch {
      // A browser without the call (or a test's fake one) keeps the manifest's.
    }
    await titleMenuForActiveTab().catch(() => undefined);
  }
  void Promise.all([disabledSites.getValue(), paused.getValue()]).then(([sites, isPaused]) =>
    settingsChanged({ sites, paused: isPaused }),
  );

  // Tab-status changes need no permission. `loading` starts a new document (the old count
  // is stale); `complete` refills a tab we know nothing of (a restarted service worker, or a
  // same-document navigation that reported `loading` but kept its content script).
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading') void badges.clear(tabId);
    else if (change.status === 'complete' && !badges.has(tabId)) void refill(tabId);
    if (tab?.active && change.status === 'complete') void hostOfTab(tabId, tab.url).then(titleMenu);
  });
  browser.tabs.onActivated.addListener(
    ({ tabId }) => void hostOfTab(tabId).then(titleMenu, () => undefined),
  );
  browser.tabs.onRemoved.addListener((tabId) => badges.forget(tabId));

  async function refill(tabId: number) {
    try {
      const summary = await sendToTab(tabId, 'getSummary', {});
      if (summary.state === 'ready' && !badges.has(tabId))
        await badges.set(tabId, summary.host, summary.total);
    } catch {
      // No content script there (a browser page, or one still starting).
    }
  }

  // The content scripts report `active: false` when turned off; clearing here as well makes
  // the badge follow the switch at once, whatever a page is busy with.
  disabledSites.watch(async (sites) => {
    await badges.clearWhere((host) => !!disablingSite(host, sites));
    await settingsChanged({ sites });
  });
  paused.watch(async (isPaused) => {
    if (isPaused) await badges.clearWhere(() => true);
    await settingsChanged({ paused: isPaused });
  });

  void toolbarAction().setBadgeBackgroundColor({ color: ACCENT });

  // Menus persist across service-worker restarts; create them once per install or update.
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus
      ?.removeAll()
      .then(() =>
        browser.contextMenus.create({
          id: MENU_SITE_OFF,
          title: siteMenuTitle(false),
          contexts: ['page', 'selection', 'link', 'image', 'frame'],
          documentUrlPatterns: PAGES,
        }),
      )
      .then(() => titleMenuForActiveTab().catch(() => undefined));
    void repairSettings();
  });
  browser.runtime.onStartup.addListener(() => void repairSettings());

  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_SITE_OFF) return;
    const host = hostOf(info.pageUrl) ?? hostOf(tab?.url);
    // The stored settings decide, not the title, which may lag behind a change made elsewhere.
    if (host)
      void disabledSites
        .getValue()
        .then((sites) => setSiteEnabled(host, !!disablingSite(host, sites)));
  });

  // Firefox titles the entry as the menu opens, for the very page it opens on.
  const menus = (browser as unknown as { menus?: FirefoxMenus }).menus;
  menus?.onShown?.addListener((info) => {
    const host = hostOf(info.pageUrl);
    if (!host) return;
    const off = !!disablingSite(host, known.sites);
    void menus.update(MENU_SITE_OFF, { title: siteMenuTitle(off) }).then(() => menus.refresh());
  });

  // `commands` exists only when the manifest declares a command (and not on Firefox for Android).
  browser.commands?.onCommand.addListener(async (command, tab) => {
    if (command !== NEXT_MENTION_COMMAND) return;
    const tabId =
      tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    try {
      await sendToTab(tabId, 'nextMention', {});
    } catch {
      // Nothing to move to on a page without our content script.
    }
  });

  // A value written by anything (sync from another machine, a hand edit in devtools, an old
  // build) is checked as it lands; a corrupt one is reset and reported.
  browser.storage.onChanged.addListener((changes, area) => {
    const names = Object.keys(changes)
      .map((key) => settingForStorageKey(area, key))
      .filter((name) => name !== undefined);
    if (names.length > 0) void repairSettings(names);
  });
});
