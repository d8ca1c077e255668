/**
 * The toolbar badge: the number of mentions on each tab, summed over the frames that report
 * (the top page and any same-origin frames each run a content script).
 */
import { browser } from 'wxt/browser';
import { ACCENT } from './palette';
import { type ToolbarLook, toolbarLook } from './toolbar-state';

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
 * Per-tab counts and the state of the tab's site (`lookOf`, from the settings), kept in memory. When the service worker restarts they are gone, and the
 * badge the browser still shows stays right until the page's next report; the `complete`
 * check in the background refills a tab from its summary.
 */
export class TabBadges {
  readonly #tabs = new Map<number, TabState>();
  #lookOf: (host: string | undefined) => ToolbarLook = () => toolbarLook('on', undefined);

  /** The settings changed: every known tab's button says the new state. */
  async setLook(lookOf: (host: string | undefined) => ToolbarLook) {
    this.#lookOf = lookOf;
    await Promise.all([...this.#tabs.keys()].map((tabId) => this.#render(tabId)));
  }

  /** How a tab's button looks now: from the tab's host if a page reported one. */
  lookOf(tabId: number): ToolbarLook {
    return this.#lookOf(this.#tabs.get(tabId)?.host || undefined);
  }

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

  /** The host a tab's top page reported, if any. */
  hostOf(tabId: number): string | undefined {
    return this.#tabs.get(tabId)?.host || undefined;
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

  /** Drops the counts of every tab whose host `off` says is now off; the host stays known. */
  async clearWhere(off: (host: string) => boolean) {
    const tabs = [...this.#tabs].filter(([, state]) => off(state.host));
    for (const [, state] of tabs) state.frames.clear();
    await Promise.all(tabs.map(([tabId]) => this.#render(tabId)));
  }

  /** The frames of a tab other than the top one that count mentions now. */
  framesOf(tabId: number): number[] {
    const out: number[] = [];
    for (const [frameId, count] of this.#tabs.get(tabId)?.frames ?? []) {
      if (frameId !== 0 && count > 0) out.push(frameId);
    }
    return out;
  }

  total(tabId: number): number {
    let sum = 0;
    for (const count of this.#tabs.get(tabId)?.frames.values() ?? []) sum += count;
    return sum;
  }

  async #render(tabId: number) {
    const look = this.lookOf(tabId);
    const action = toolbarAction();
    try {
      await action.setBadgeText({ tabId, text: look.badge ?? badgeText(this.total(tabId)) });
      await action.setBadgeBackgroundColor({ tabId, color: look.badgeColor ?? ACCENT });
      await action.setTitle({ tabId, title: look.title });
      if (look.icon) await action.setIcon({ tabId, path: look.icon });
    } catch {
      // The tab closed meanwhile.
    }
  }
}
