/**
 * Wiring of the background: the cards' text (`getCard`), "Not this" (`dismiss`, `undismiss`), the
 * mention-count badge, the "off on this site" context-menu entry, the `next-mention` keyboard
 * command, and the repair of corrupt settings.
 */
import { type Browser, browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { cardModel } from '../core/card-model';
import { dataset } from '../core/rivalry-data';
import { TabBadges, toolbarAction } from '../extension/badge';
import { storedDismissal } from '../extension/dismissal';
import { isMessage, sendToTab } from '../extension/messages';
import { PAGES, unreadableReason } from '../extension/pages';
import { ACCENT } from '../extension/palette';
import { reportError } from '../extension/report-error';
import {
  addDismissal,
  disabledSites,
  paused,
  removeDismissal,
  setSiteEnabled,
  settingForStorageKey,
} from '../extension/settings';
import { repairSettings } from '../extension/settings-repair';
import { disablingSite } from '../extension/site';

export const MENU_SITE_OFF = 'rivalry-lens-site-off';
export const NEXT_MENTION_COMMAND = 'next-mention';

function hostOf(url: string | undefined): string | undefined {
  if (!url || unreadableReason(url)) return undefined;
  return new URL(url).hostname;
}

export default defineBackground(() => {
  const badges = new TabBadges();

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
    if (isMessage(message, 'getCard')) return Promise.resolve(cardModel(dataset, message.entity));
    if (isMessage(message, 'dismiss')) return addDismissal(storedDismissal(message)).then(() => {});
    if (isMessage(message, 'undismiss'))
      return removeDismissal(storedDismissal(message)).then(() => {});
    if (!isMessage(message, 'mentionCount')) return undefined;
    const tabId = sender.tab?.id;
    const host = hostOf(sender.tab?.url) ?? hostOf(sender.url) ?? '';
    if (tabId !== undefined)
      void badges.report(tabId, sender.frameId ?? 0, host, message.total, message.active);
    return undefined;
  }

  // Tab-status changes need no permission. `loading` starts a new document (the old count
  // is stale); `complete` refills a tab we know nothing of (a restarted service worker, or a
  // same-document navigation that reported `loading` but kept its content script).
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void badges.clear(tabId);
    else if (change.status === 'complete' && !badges.has(tabId)) void refill(tabId);
  });
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
  disabledSites.watch((sites) => void badges.clearWhere((host) => !!disablingSite(host, sites)));
  paused.watch((isPaused) => {
    if (isPaused) void badges.clearWhere(() => true);
  });

  void toolbarAction().setBadgeBackgroundColor({ color: ACCENT });

  // Menus persist across service-worker restarts; create them once per install or update.
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus?.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_SITE_OFF,
        title: 'Turn Rivalry Lens off on this site',
        contexts: ['page', 'selection', 'link', 'image', 'frame'],
        documentUrlPatterns: PAGES,
      }),
    );
    void repairSettings();
  });
  browser.runtime.onStartup.addListener(() => void repairSettings());

  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_SITE_OFF) return;
    const host = hostOf(info.pageUrl) ?? hostOf(tab?.url);
    if (host) void setSiteEnabled(host, false);
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
