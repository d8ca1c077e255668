/**
 * The toolbar badge: the number of mentions on each tab, summed over the frames that report
 * (the top page and any same-origin frames each run a content script).
 */
import { browser } from 'wxt/browser';

/** The toolbar button's API: `action` in Manifest V3, `browserAction` in V2 (Firefox). */
export function toolbarAction(): typeof browser.action {
  return (
    browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction
  );
}

/** Badges have room for about four characters. */
export function badgeText(total: number): string {
  if (total <= 0) return '';
  return total > 999 ? '999+' : String(total);
}

interface TabState {
  /** Host of the tab's top page as its frames reported it. */
  host: string;
  /** Mentions per frame id, for frames whose Rivalry Lens is active. */
  frames: Map<number, number>;
}

/**
 * Per-tab counts, kept in memory. When the service worker restarts they are gone, and the
 * badge the browser still shows stays right until the page's next report; the `complete`
 * check in the background refills a tab from its summary.
 */
export class TabBadges {
  readonly #tabs = new Map<number, TabState>();

  /** A frame's report (`mentionCount`). An inactive frame counts nothing. */
  async report(tabId: number, frameId: number, host: string, total: number, active: boolean) {
    const state = this.#tabs.get(tabId) ?? { host, frames: new Map() };
    if (frameId === 0) state.host = host;
    if (active) state.frames.set(frameId, total);
    else state.frames.delete(frameId);
    this.#tabs.set(tabId, state);
    await this.#render(tabId);
  }

  /** Sets the whole tab at once (from the top frame's summary). */
  async set(tabId: number, host: string, total: number) {
    this.#tabs.set(tabId, { host, frames: new Map([[0, total]]) });
    await this.#render(tabId);
  }

  has(tabId: number): boolean {
    return this.#tabs.has(tabId);
  }

  /** The tab navigated: its counts belong to the old page. */
  async clear(tabId: number) {
    this.#tabs.delete(tabId);
    await this.#render(tabId);
  }

  forget(tabId: number) {
    this.#tabs.delete(tabId);
  }

  /** Empties the badge of every tab whose host `off` says is now off. */
  async clearWhere(off: (host: string) => boolean) {
    const tabs = [...this.#tabs].filter(([, state]) => off(state.host));
    await Promise.all(tabs.map(([tabId]) => this.clear(tabId)));
  }

  total(tabId: number): number {
    let sum = 0;
    for (const count of this.#tabs.get(tabId)?.frames.values() ?? []) sum += count;
    return sum;
  }

  async #render(tabId: number) {
    try {
      await toolbarAction().setBadgeText({ tabId, text: badgeText(this.total(tabId)) });
    } catch {
      // The tab closed meanwhile.
    }
  }
}
