import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type Browser, browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type CardModel, cardModel } from '../../core/card-model';
import { dataset } from '../../core/rivalry-data';
import background, { MENU_SITE_OFF, siteMenuTitle } from '../../entrypoints/background';
import content from '../../entrypoints/content';
import { badgeText } from '../../extension/badge';
import { disabledSites, dismissals, paused } from '../../extension/settings';
import { repairNotices } from '../../extension/settings-repair';
import config from '../../wxt.config';

// Only the content script's declaration is read here; its names are built by a Vite plugin.
vi.mock('virtual:rivalry-gate-names', () => ({ default: { seed: 'x', aliases: [] } }));

type Listener = (...args: never[]) => unknown;
function fakeEvent() {
  const listeners: Listener[] = [];
  return {
    addListener: (l: Listener) => listeners.push(l),
    removeListener: () => {},
    hasListener: () => true,
    trigger: (...args: unknown[]) =>
      Promise.all(listeners.map((l) => (l as (...a: unknown[]) => unknown)(...args))),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
async function newTab(url: string): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url });
  if (tab.id === undefined) throw new Error('the fake browser gave a tab without an id');
  return tab.id;
}
const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

let menus: {
  create: ReturnType<typeof vi.fn>;
  update: ReturnType<typeof vi.fn>;
  onClicked: ReturnType<typeof fakeEvent>;
};
let commands: { onCommand: ReturnType<typeof fakeEvent> };
let sendMessage: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  menus = {
    create: vi.fn(),
    update: vi.fn(async () => {}),
    onClicked: fakeEvent(),
  };
  Object.assign(fakeBrowser.contextMenus, {
    create: menus.create,
    update: menus.update,
    removeAll: vi.fn(async () => {}),
    onClicked: menus.onClicked,
  });
  commands = { onCommand: fakeEvent() };
  Object.assign(fakeBrowser.commands, commands);
  sendMessage = vi.fn(async () => {
    throw new Error('Could not establish connection. Receiving end does not exist.');
  });
  fakeBrowser.tabs.sendMessage = sendMessage as unknown as typeof fakeBrowser.tabs.sendMessage;
  background.main();
});

function report(
  tabId: number,
  total: number,
  active = true,
  frameId = 0,
  url = 'https://news.example.com/a',
  tabActive = false,
) {
  return fakeBrowser.runtime.onMessage.trigger(
    { type: 'mentionCount', total, active },
    { tab: { id: tabId, url, active: tabActive } as Browser.tabs.Tab, frameId, url },
    () => {},
  );
}
const title = (tabId: number) => fakeBrowser.action.getTitle({ tabId });
const lastMenuTitle = () => menus.update.mock.calls.at(-1)?.[1]?.title;

describe('badge', () => {
  it('shows the tab’s mention count and follows the page as it changes', async () => {
    await report(1, 12);
    await settle();
    expect(await badge(1)).toBe('12');
    await report(1, 14);
    await settle();
    expect(await badge(1)).toBe('14');
    expect(await badge(2)).toBe('');
  });

  it('sums the frames of a tab', async () => {
    await report(1, 3, true, 0);
    await report(1, 4, true, 7, 'https://news.example.com/frame');
    await settle();
    expect(await badge(1)).toBe('7');
  });

  it('tells the popup which frames hold mentions, and forgets a frame that starts again', async () => {
    const frames = (tabId: number) =>
      fakeBrowser.runtime.onMessage.trigger({ type: 'mentionFrames', tabId }, {}, () => {});
    await report(1, 3, true, 0);
    await report(1, 4, true, 7, 'https://news.example.com/frame');
    await report(1, 2, true, 9, 'https://news.example.com/other');
    expect(await frames(1)).toEqual([[7, 9]]);
    // The frame navigated: its new page reports 0 as it starts.
    await report(1, 0, true, 7, 'https://news.example.com/next');
    await settle();
    expect(await frames(1)).toEqual([[9]]);
    expect(await badge(1)).toBe('5');
    expect(await frames(2)).toEqual([[]]);
  });

  it('is empty where Rivalry Lens is off, and when nothing is found', async () => {
    await report(1, 5);
    await settle();
    await report(1, 5, false);
    await settle();
    expect(await badge(1)).toBe('');
    expect(badgeText(0)).toBe('');
    expect(badgeText(1234)).toBe('999+');
  });

  it('is cleared when the tab navigates', async () => {
    const tabId = await newTab('https://news.example.com/');
    await report(tabId, 9);
    await settle();
    await fakeBrowser.tabs.update(tabId, { status: 'loading' } as never);
    await settle();
    expect(await badge(tabId)).toBe('');
  });

  it('is refilled from the page summary when a loaded tab has no count (restarted worker)', async () => {
    const tabId = await newTab('https://news.example.com/');
    sendMessage.mockResolvedValue({
      state: 'ready',
      host: 'news.example.com',
      total: 6,
      entities: [],
    });
    await fakeBrowser.tabs.update(tabId, { status: 'complete' } as never);
    await settle();
    expect(sendMessage).toHaveBeenCalledWith(tabId, { type: 'getSummary' }, { frameId: 0 });
    expect(await badge(tabId)).toBe('6');
  });

  it('drops the count at once when the tab’s site is turned off or everything is paused', async () => {
    await report(1, 5, true, 0, 'https://news.example.com/');
    await report(2, 8, true, 0, 'https://other.org/');
    await settle();
    await disabledSites.setValue(['example.com']);
    await settle();
    expect(await badge(1)).toBe('off');
    expect(await badge(2)).toBe('8');
    await paused.setValue(true);
    await settle();
    expect(await badge(2)).toBe('||');
    await paused.setValue(false);
    await settle();
    // Paused, the page counted nothing: no stale count comes back before it reports again.
    expect(await badge(2)).toBe('');
  });
});

describe('toolbar button', () => {
  it('says on, off for this site, or paused, per tab, with a badge that is not a count', async () => {
    await report(1, 5, true, 0, 'https://news.example.com/');
    await report(2, 8, true, 0, 'https://other.org/');
    await vi.waitFor(async () =>
      expect(await title(1)).toBe('Rivalry Lens: on for news.example.com'),
    );
    await disabledSites.setValue(['example.com']);
    await vi.waitFor(async () => expect(await badge(1)).toBe('off'));
    expect(await title(1)).toBe('Rivalry Lens: off on example.com');
    expect(await badge(2)).toBe('8');
    expect(await title(2)).toBe('Rivalry Lens: on for other.org');
    const grey = await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 1 });
    expect(grey).not.toEqual(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 2 }));
    await paused.setValue(true);
    await vi.waitFor(async () => expect(await title(2)).toBe('Rivalry Lens: paused everywhere'));
    expect(await title(1)).toBe('Rivalry Lens: paused everywhere');
    expect(await badge(2)).toBe('||');
    // And back: on again, the count returns as the page reports it.
    await paused.setValue(false);
    await disabledSites.setValue([]);
    await report(1, 5, true, 0, 'https://news.example.com/');
    await vi.waitFor(async () => expect(await badge(1)).toBe('5'));
    expect(await title(1)).toBe('Rivalry Lens: on for news.example.com');
  });

  it('says paused on a tab no page has reported on', async () => {
    await paused.setValue(true);
    await vi.waitFor(async () =>
      expect(await fakeBrowser.action.getTitle({})).toBe('Rivalry Lens: paused everywhere'),
    );
  });
});

describe('cards', () => {
  it('answers getCard with the entity’s card from the bundled dataset', async () => {
    const ask = (entity: string) =>
      fakeBrowser.runtime.onMessage
        .trigger({ type: 'getCard', entity }, { tab: { id: 1 } as Browser.tabs.Tab }, () => {})
        .then((answers) => answers.find((a) => a !== undefined) ?? null);
    const card = (await ask('stoke-space')) as CardModel;
    expect(card.name).toBe('Stoke Space');
    expect(card.fronts.length).toBeGreaterThan(0);
    expect(card.facts.length).toBeGreaterThan(0);
    expect(card).toEqual(cardModel(dataset, 'stoke-space'));
    expect(await ask('nobody')).toBeNull();
  });
});

describe('settings for pages', () => {
  it('answers getSettings with the checked values of the settings asked, and nothing else', async () => {
    await fakeBrowser.storage.sync.set({ dwellMs: 5, highlightStyle: 'underline' });
    await paused.setValue(true);
    const ask = (names: unknown) =>
      fakeBrowser.runtime.onMessage
        .trigger({ type: 'getSettings', names }, { tab: { id: 1 } as Browser.tabs.Tab }, () => {})
        .then((answers) => answers.find((a) => a !== undefined));
    // A corrupt value reads as its default, as everywhere else.
    expect(await ask(['dwellMs', 'highlightStyle', 'paused', 'nonsense'])).toEqual({
      dwellMs: 300,
      highlightStyle: 'underline',
      paused: true,
    });
    expect(await ask('paused')).toEqual({});
  });
});

describe('"Not this"', () => {
  it('stores the dismissal a page sends, once, in the settings’ form', async () => {
    const send = (text: string) =>
      fakeBrowser.runtime.onMessage.trigger(
        { type: 'dismiss', site: 'WWW.Example.com', entity: 'elon-musk', text },
        { tab: { id: 1 } as Browser.tabs.Tab },
        () => {},
      );
    await send('Musk');
    await send('  Musk ');
    expect(await dismissals.getValue()).toEqual([
      { site: 'example.com', entity: 'elon-musk', text: 'Musk' },
    ]);
  });

  it('stores a page dismissal with its page, and removes exactly it on Undo', async () => {
    const send = (type: 'dismiss' | 'undismiss', page?: string) =>
      fakeBrowser.runtime.onMessage.trigger(
        { type, site: 'example.com', entity: 'xai', text: 'XAI', page },
        { tab: { id: 1 } as Browser.tabs.Tab },
        () => {},
      );
    await send('dismiss');
    await send('dismiss', '/story');
    expect(await dismissals.getValue()).toEqual([
      { site: 'example.com', entity: 'xai', text: 'XAI' },
      { site: 'example.com', entity: 'xai', text: 'XAI', page: '/story' },
    ]);
    await send('undismiss', '/story');
    expect(await dismissals.getValue()).toEqual([
      { site: 'example.com', entity: 'xai', text: 'XAI' },
    ]);
  });
});

describe('context menu', () => {
  it('is created on install for web pages only', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await settle();
    expect(menus.create).toHaveBeenCalledWith(
      expect.objectContaining({
        id: MENU_SITE_OFF,
        title: 'Turn Rivalry Lens off on this site',
        documentUrlPatterns: content.matches,
      }),
    );
  });

  it('is offered on the pages the content script runs on, and on those only', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await settle();
    const manifest = await (config.manifest as (env: { browser: string }) => unknown)({
      browser: 'chrome',
    });
    const early = (manifest as { content_scripts: { matches: string[] }[] }).content_scripts;
    expect(early.map((script) => script.matches)).toEqual([content.matches]);
    expect(menus.create.mock.calls[0]?.[0].documentUrlPatterns).toEqual(content.matches);
  });

  it('turns the site of the page off, and back on when it is off', async () => {
    const click = (pageUrl: string) =>
      menus.onClicked.trigger({ menuItemId: MENU_SITE_OFF, pageUrl }, { id: 1 });
    await click('https://www.news.example.com/story');
    await vi.waitFor(async () =>
      expect(await disabledSites.getValue()).toEqual(['news.example.com']),
    );
    await click('https://www.news.example.com/story');
    await vi.waitFor(async () => expect(await disabledSites.getValue()).toEqual([]));
  });

  it('turns a subdomain back on when its parent site was turned off', async () => {
    await disabledSites.setValue(['a.org', 'example.com']);
    await menus.onClicked.trigger(
      { menuItemId: MENU_SITE_OFF, pageUrl: 'https://news.example.com/' },
      { id: 1 },
    );
    await vi.waitFor(async () => expect(await disabledSites.getValue()).toEqual(['a.org']));
  });

  it('is titled for the active page: off, or back on, as the settings change', async () => {
    await report(1, 3, true, 0, 'https://news.example.com/a', true);
    await vi.waitFor(() => expect(lastMenuTitle()).toBe('Turn Rivalry Lens off on this site'));
    const window = await fakeBrowser.windows.create({ focused: true });
    const tab = await fakeBrowser.tabs.create({
      url: 'https://news.example.com/a',
      active: true,
      windowId: window?.id,
    });
    await disabledSites.setValue(['example.com']);
    await vi.waitFor(() => expect(lastMenuTitle()).toBe('Turn Rivalry Lens back on for this site'));
    // Another tab, on a site that is on, comes to the front.
    const other = await newTab('https://other.org/');
    await fakeBrowser.tabs.onActivated.trigger({ tabId: other, windowId: tab.windowId ?? 0 });
    await vi.waitFor(() => expect(lastMenuTitle()).toBe('Turn Rivalry Lens off on this site'));
    expect(siteMenuTitle(true)).toBe('Turn Rivalry Lens back on for this site');
  });

  it('does nothing on a page that is not a web page', async () => {
    await menus.onClicked.trigger({ menuItemId: MENU_SITE_OFF, pageUrl: 'chrome://settings/' }, {});
    await settle();
    expect(await disabledSites.getValue()).toEqual([]);
  });
});

describe('next-mention command', () => {
  it('suggests a key in a form both Chromium and Firefox accept', async () => {
    const manifest = (await (config.manifest as (env: { browser: string }) => unknown)({
      browser: 'chrome',
    })) as { commands: Record<string, { suggested_key: { default: string } }> };
    const key = manifest.commands['next-mention']?.suggested_key.default ?? '';
    // One primary modifier (Ctrl or Alt, not both: Chromium refuses Ctrl+Alt), Shift at most,
    // and a letter or digit (MDN's and Chrome's "key combinations").
    expect(key).toMatch(/^(Ctrl|Alt)(\+Shift)?\+[A-Z0-9]$/);
  });

  it('is forwarded to the tab as nextMention', async () => {
    sendMessage.mockResolvedValue({ ok: true });
    await commands.onCommand.trigger('next-mention', { id: 4 });
    expect(sendMessage).toHaveBeenCalledWith(4, { type: 'nextMention' }, { frameId: 0 });
  });

  it('finds the active tab when the browser gives none', async () => {
    sendMessage.mockResolvedValue({ ok: true });
    const window = await fakeBrowser.windows.create({ focused: true });
    const tab = await fakeBrowser.tabs.create({
      url: 'https://a.org/',
      active: true,
      windowId: window?.id,
    });
    await commands.onCommand.trigger('next-mention', undefined);
    expect(sendMessage).toHaveBeenCalledWith(tab.id, { type: 'nextMention' }, { frameId: 0 });
  });

  it('ignores other commands and pages without a content script', async () => {
    await commands.onCommand.trigger('_execute_action', { id: 4 });
    expect(sendMessage).not.toHaveBeenCalled();
    await expect(commands.onCommand.trigger('next-mention', { id: 4 })).resolves.toBeDefined();
  });
});

describe('where an API is missing', () => {
  it('still wires everything else (no commands in the manifest, no menus on Android)', async () => {
    fakeBrowser.reset();
    const saved = { commands: fakeBrowser.commands, contextMenus: fakeBrowser.contextMenus };
    Object.assign(fakeBrowser, { commands: undefined, contextMenus: undefined });
    try {
      expect(() => background.main()).not.toThrow();
      await report(1, 3);
      await settle();
      expect(await badge(1)).toBe('3');
    } finally {
      Object.assign(fakeBrowser, saved);
    }
  });
});

describe('settings repair', () => {
  it('a corrupt value landing in storage is reset and reported, the rest kept', async () => {
    await browser.storage.sync.set({ disabledSites: ['a.org'], highlightStyle: 'underline' });
    await browser.storage.sync.set({ dwellMs: { corrupt: true } });
    await vi.waitFor(async () => expect(await repairNotices.getValue()).toHaveLength(1));
    expect(await browser.storage.sync.get(null)).toEqual({
      disabledSites: ['a.org'],
      highlightStyle: 'underline',
    });
  });

  it('runs at browser start-up', async () => {
    await browser.storage.local.set({ paused: 'sometimes' });
    // The write above was itself checked; start from a clean notice list.
    await vi.waitFor(async () => expect(await repairNotices.getValue()).toHaveLength(1));
    await browser.storage.local.set({ paused: 'again' });
    await repairNotices.setValue([]);
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () =>
      expect(await repairNotices.getValue()).toEqual([
        expect.objectContaining({ setting: 'paused', found: '"again"' }),
      ]),
    );
  });
});
