// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../components/Popup';
import { rankRows } from '../../components/PopupSummary';
import type { PageSummary } from '../../extension/messages';
import { disabledSites, hiddenEntities, paused } from '../../extension/settings';
import { useLocale } from '../setup/i18n';
import { counted, data, summary } from './popup-data';

let sendMessage: ReturnType<typeof vi.fn>;
let tabId: number;

/** Makes the tab's content script answer `getSummary` with `next` (or fail when it's an Error). */
function page(next: PageSummary | Error) {
  sendMessage.mockImplementation(async (_tab: number, message: { type: string }) => {
    if (next instanceof Error) throw next;
    if (message.type === 'getSummary') return next;
    return { ok: true };
  });
}
const noContentScript = () =>
  new Error('Could not establish connection. Receiving end does not exist.');

async function openTab(url: string, status?: string) {
  const tab = await fakeBrowser.tabs.create({ url });
  if (tab.id === undefined) throw new Error('tab without id');
  if (status) await fakeBrowser.tabs.update(tab.id, { status } as never);
  return tab.id;
}

beforeEach(async () => {
  fakeBrowser.reset();
  sendMessage = vi.fn();
  fakeBrowser.tabs.sendMessage = sendMessage as unknown as typeof fakeBrowser.tabs.sendMessage;
  tabId = await openTab('https://www.example.com/story');
  // As Chromium leaves it for an unpacked extension.
  fakeBrowser.commands.getAll = vi.fn(async () => [
    { name: 'next-mention', shortcut: '' },
  ]) as unknown as typeof fakeBrowser.commands.getAll;
});
afterEach(cleanup);

describe('the page summary', () => {
  it('counts in the interface’s language, singular and plural as it says them', async () => {
    const english = await useLocale('fr');
    try {
      page(summary({ total: 1, entities: [counted('openai', 1, '…', 'OpenAI', '…')] }));
      render(<Popup tabId={tabId} data={data} />);
      expect(await screen.findByText('1 mention de 1 nom')).toBeTruthy();
      expect(
        screen.getByRole('button', {
          name: 'OpenAI, 1 mention, terrains : AI. Afficher la suivante sur la page.',
        }),
      ).toBeTruthy();
    } finally {
      await english();
    }
  });

  it('groups the digits of a count as the interface’s language does', async () => {
    const english = await useLocale('de');
    try {
      page(summary({ total: 1204, entities: [counted('openai', 1204, '…', 'OpenAI', '…')] }));
      render(<Popup tabId={tabId} data={data} />);
      expect(await screen.findByText('1.204 Erwähnungen von 1 Name')).toBeTruthy();
      expect(document.querySelector('button.entity .count')?.textContent).toBe('1.204');
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Rivalry Lens');
      expect(screen.getByText('Datenschutz')).toBeTruthy();
    } finally {
      await english();
    }
  });

  it('lists each entity once, the most mentioned first, with its count and first mention', async () => {
    page(summary());
    render(<Popup tabId={tabId} data={data} />);
    expect(await screen.findByText('9 mentions of 3 names')).toBeTruthy();
    const names = [...document.querySelectorAll('button.entity .name')].map((n) => n.textContent);
    // Elon Musk (4) before Stoke Space (3), although Stoke Space is on another front.
    expect(names).toEqual(['Elon Musk', 'Stoke Space', 'OpenAI']);
    const musk = screen.getByRole('button', {
      name: 'Elon Musk, 4 mentions, on AI, Space. Show the next one on the page.',
    });
    expect(musk.querySelector('.mark.front-space')?.getAttribute('title')).toBe('Space');
    expect(musk.querySelector('.count')?.textContent).toBe('4');
    expect(musk.querySelector('.context')?.textContent).toBe('…said Elon Musk on Tuesday…');
    // The name is emphasised in its snippet, not just somewhere in it.
    expect(musk.querySelector('.context mark')?.textContent).toBe('Elon Musk');
    expect(sendMessage).toHaveBeenCalledWith(tabId, { type: 'getSummary' }, { frameId: 0 });
  });

  it('says what the front marks mean, for the fronts the rows show only', async () => {
    page(summary());
    render(<Popup tabId={tabId} data={data} />);
    await screen.findByText('9 mentions of 3 names');
    const legend = [...document.querySelectorAll('.front-legend li')];
    expect(legend.map((li) => li.textContent)).toEqual(['AI', 'Space']);
    expect(legend.map((li) => li.querySelector('.mark')?.className)).toEqual([
      'mark front-ai',
      'mark front-space',
    ]);
    expect(legend.map((li) => li.getAttribute('title'))).toEqual(['AI', 'Space']);
    expect(data.fronts.map((f) => f.id)).toContain('bci');
  });

  it('writes the legend in the interface’s language', async () => {
    const english = await useLocale('de');
    try {
      page(summary());
      render(<Popup tabId={tabId} data={data} />);
      await screen.findByText('9 Erwähnungen von 3 Namen');
      const legend = [...document.querySelectorAll('.front-legend li')];
      expect(legend.map((li) => li.textContent)).toEqual(['KI', 'Raumfahrt']);
    } finally {
      await english();
    }
  });

  it('ranks by count, then by name, and counts add up to the page total', () => {
    const s = summary();
    const rows = rankRows(s.entities, data);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(s.total);
    const tie = rankRows(
      [counted('xai', 2, '', 'xAI', ''), counted('openai', 2, '', 'OpenAI', '')],
      data,
    );
    expect(tie.map((r) => r.entity)).toEqual(['openai', 'xai']);
    expect(rankRows([counted('google', 1, '', 'Google', '')], data)).toEqual([
      expect.objectContaining({ name: 'Google', fronts: [] }),
    ]);
  });

  it('clicking an entity reveals its next mention, says which, and closes the popup', async () => {
    page(summary());
    sendMessage.mockImplementation(async (_tab: number, message: { type: string }) =>
      message.type === 'getSummary' ? summary() : { ok: true, index: 3, total: 12 },
    );
    const close = vi.fn();
    render(<Popup tabId={tabId} data={data} close={close} />);
    fireEvent.click(await screen.findByRole('button', { name: /^Stoke Space, / }));
    expect(sendMessage).toHaveBeenCalledWith(
      tabId,
      { type: 'reveal', entity: 'stoke-space' },
      { frameId: 0 },
    );
    expect(await screen.findByText('Showing 3 of 12 mentions of Stoke Space')).toBeTruthy();
    expect(close).toHaveBeenCalledOnce();
  });

  it('says so when the mention is gone', async () => {
    page(summary());
    render(<Popup tabId={tabId} data={data} />);
    const close = vi.fn();
    cleanup();
    render(<Popup tabId={tabId} data={data} close={close} />);
    const button = await screen.findByRole('button', { name: /^OpenAI, / });
    sendMessage.mockResolvedValueOnce({ ok: false, index: 0, total: 0 });
    fireEvent.click(button);
    expect(await screen.findByText('OpenAI is no longer on the page.')).toBeTruthy();
    // The popup stays open to say so.
    expect(close).not.toHaveBeenCalled();
  });

  it('arrow keys move between entities', async () => {
    page(summary());
    render(<Popup tabId={tabId} data={data} />);
    const buttons = await screen.findAllByRole('button', { name: /Show the next one/ });
    buttons[0]?.focus();
    fireEvent.keyDown(buttons[0] as HTMLElement, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons[1]);
    fireEvent.keyDown(buttons[1] as HTMLElement, { key: 'End' });
    expect(document.activeElement).toBe(buttons.at(-1));
    fireEvent.keyDown(buttons.at(-1) as HTMLElement, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(buttons.at(-2));
  });

  it('follows the page: a new count from the tab brings a new summary', async () => {
    page(summary());
    render(<Popup tabId={tabId} data={data} />);
    await screen.findByText('9 mentions of 3 names');
    page(
      summary({
        total: 10,
        entities: [...summary().entities, counted('xai', 1, '', 'xAI', '')],
      }),
    );
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'mentionCount', total: 10, active: true },
      { tab: { id: tabId } as Browser.tabs.Tab },
      () => {},
    );
    expect(await screen.findByText('10 mentions of 4 names')).toBeTruthy();
  });

  it('ignores counts from other tabs', async () => {
    page(summary());
    render(<Popup tabId={tabId} data={data} />);
    await screen.findByText('9 mentions of 3 names');
    const calls = sendMessage.mock.calls.length;
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'mentionCount', total: 1, active: true },
      { tab: { id: tabId + 1 } as Browser.tabs.Tab },
      () => {},
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(sendMessage.mock.calls.length).toBe(calls);
  });
});

describe('the switches', () => {
  it('“Highlight on <site>” turns the site and its subdomains off, and on again', async () => {
    page(summary());
    render(<Popup tabId={tabId} data={data} />);
    const onSite = await screen.findByRole('switch', { name: 'Highlight on example.com: on' });
    await waitFor(() => expect((onSite as HTMLInputElement).checked).toBe(true));
    expect(screen.getByRole('switch', { name: 'Paused everywhere: off' })).toBeTruthy();
    expect(screen.getByText('Covers example.com and its subdomains.')).toBeTruthy();
    fireEvent.click(onSite);
    await waitFor(async () => expect(await disabledSites.getValue()).toEqual(['example.com']));
    await waitFor(() => expect((onSite as HTMLInputElement).checked).toBe(false));
    expect(onSite.closest('label')?.textContent).toBe('Highlight on example.com: off');
    fireEvent.click(onSite);
    await waitFor(async () => expect(await disabledSites.getValue()).toEqual([]));
  });

  it('an address by IP has no subdomains to mention', async () => {
    page(summary({ host: '127.0.0.1' }));
    render(<Popup tabId={tabId} data={data} />);
    expect(await screen.findByText('Covers 127.0.0.1.')).toBeTruthy();
  });

  it('names the parent site when that is what turned this subdomain off', async () => {
    await disabledSites.setValue(['example.com']);
    page(summary({ host: 'news.example.com', state: 'site-off', total: 0, entities: [] }));
    render(<Popup tabId={tabId} data={data} />);
    const onSite = await screen.findByRole('switch', { name: 'Highlight on example.com: off' });
    await waitFor(() => expect((onSite as HTMLInputElement).checked).toBe(false));
    expect(screen.getByText('Off for all of example.com, this subdomain included.')).toBeTruthy();
    expect(screen.getByText('Off on example.com')).toBeTruthy();
  });

  it('pauses everywhere, and asks the page again when settings change', async () => {
    page(summary());
    render(<Popup tabId={tabId} data={data} />);
    const pause = await screen.findByRole('switch', { name: 'Paused everywhere: off' });
    await waitFor(() => expect((pause as HTMLInputElement).disabled).toBe(false));
    page(summary({ state: 'paused', total: 0, entities: [] }));
    fireEvent.click(pause);
    await waitFor(async () => expect(await paused.getValue()).toBe(true));
    expect(await screen.findByText('Paused everywhere')).toBeTruthy();
    expect(pause.closest('label')?.textContent).toBe('Paused everywhere: on');
  });

  it('while paused, the site switch shows paused, not on', async () => {
    await paused.setValue(true);
    page(summary({ state: 'paused', total: 0, entities: [] }));
    render(<Popup tabId={tabId} data={data} />);
    const onSite = await screen.findByRole('switch', { name: 'Highlight on example.com: paused' });
    expect((onSite as HTMLInputElement).checked).toBe(false);
    expect(onSite.getAttribute('aria-checked')).toBe('false');
    expect((onSite as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('This switch works again once the pause is off.')).toBeTruthy();
    await paused.setValue(false);
    page(summary());
    expect(
      await screen.findByRole('switch', { name: 'Highlight on example.com: on' }),
    ).toBeTruthy();
  });

  it('the site switch is disabled where the page cannot be read', async () => {
    page(noContentScript());
    const chromeTab = await openTab('chrome://settings/');
    render(<Popup tabId={chromeTab} data={data} />);
    await screen.findByText('This page can’t be read');
    expect(
      (screen.getByRole('switch', { name: /^Highlight on this page/ }) as HTMLInputElement)
        .disabled,
    ).toBe(true);
  });
});

describe('states', () => {
  const cases: [string, () => Promise<number>, RegExp][] = [
    [
      'nothing found',
      async () => {
        page(summary({ total: 0, entities: [] }));
        return tabId;
      },
      /Nothing found/,
    ],
    [
      'off on this site',
      async () => {
        page(summary({ state: 'site-off', total: 0, entities: [] }));
        return tabId;
      },
      /Off on example\.com/,
    ],
    [
      'paused',
      async () => {
        page(summary({ state: 'paused', total: 0, entities: [] }));
        return tabId;
      },
      /Paused everywhere/,
    ],
    [
      'a page still being read',
      async () => {
        page(summary({ state: 'loading', total: 0, entities: [] }));
        return tabId;
      },
      /Reading the page/,
    ],
    [
      'a browser page',
      async () => {
        page(noContentScript());
        return await openTab('chrome://settings/');
      },
      /This page can’t be read/,
    ],
    [
      'an extension store',
      async () => {
        page(noContentScript());
        return await openTab('https://chromewebstore.google.com/detail/x');
      },
      /Extension stores can’t be read/,
    ],
    [
      'a tab still loading',
      async () => {
        page(noContentScript());
        return await openTab('https://example.com/', 'loading');
      },
      /still loading/,
    ],
    [
      'a page open before install',
      async () => {
        page(noContentScript());
        return await openTab('https://example.com/', 'complete');
      },
      /Reload it/,
    ],
    [
      'a page whose address is hidden from us',
      async () => {
        page(noContentScript());
        return await openTab('');
      },
      /open before Rivalry Lens was installed, reload it/,
    ],
  ];
  it.each(cases)('%s', async (_, setUp, text) => {
    const id = await setUp();
    render(<Popup tabId={id} data={data} />);
    expect(await screen.findByText(text)).toBeTruthy();
  });

  it('a page with nothing on it, which answers without the settings, shows an off site and the pause', async () => {
    // Stage one answers "ready, nothing" on any page where its gate found no name.
    await disabledSites.setValue(['example.com']);
    page(summary({ state: 'ready', total: 0, entities: [] }));
    render(<Popup tabId={tabId} data={data} />);
    expect(await screen.findByText('Off on example.com')).toBeTruthy();
    expect(screen.queryByText(/Nothing found/)).toBeNull();
    await paused.setValue(true);
    expect(await screen.findByText('Paused everywhere')).toBeTruthy();
    await paused.setValue(false);
    await disabledSites.setValue([]);
    expect(await screen.findByText(/Nothing found/)).toBeTruthy();
  });

  it('nothing found names what was looked for: highlighted entities the user did not hide', async () => {
    await hiddenEntities.setValue(['xai']);
    page(summary({ total: 0, entities: [] }));
    render(<Popup tabId={tabId} data={data} />);
    await waitFor(() => {
      const text = screen.getByText(/does not mention/).textContent ?? '';
      expect(text).toContain('Stoke Space');
      expect(text).not.toContain('Google');
      expect(text).not.toContain('xAI');
    });
  });

  it('asks again while the page is being read, then shows the summary', async () => {
    page(summary({ state: 'loading', total: 0, entities: [] }));
    render(<Popup tabId={tabId} data={data} />);
    await screen.findByText('Reading the page…');
    page(summary());
    expect(await screen.findByText('9 mentions of 3 names', {}, { timeout: 2000 })).toBeTruthy();
  });

  it('a too-large page can be processed anyway', async () => {
    page(summary({ state: 'too-large', total: 0, entities: [] }));
    render(<Popup tabId={tabId} data={data} />);
    const button = await screen.findByRole('button', { name: 'Process anyway' });
    page(summary());
    fireEvent.click(button);
    expect(sendMessage).toHaveBeenCalledWith(tabId, { type: 'processAnyway' }, { frameId: 0 });
    expect(await screen.findByText('9 mentions of 3 names')).toBeTruthy();
  });
});

describe('the shortcut', () => {
  const commands = (shortcut: string) => {
    fakeBrowser.commands.getAll = vi.fn(async () => [
      { name: '_execute_action', shortcut: 'Ctrl+Shift+Y' },
      { name: 'next-mention', shortcut, description: 'Go to the next highlighted mention' },
    ]) as unknown as typeof fakeBrowser.commands.getAll;
  };

  it('shows the assigned keys', async () => {
    commands('Alt+Shift+N');
    page(summary());
    render(<Popup tabId={tabId} data={data} />);
    const hint = await waitFor(() => {
      const p = document.querySelector('.shortcut-hint[data-state="set"]');
      if (!p) throw new Error('no shortcut shown yet');
      return p;
    });
    expect(hint.textContent).toBe('Next mention: Alt+Shift+N');
  });

  it('where the browser left it unset, says so and opens the browser’s shortcut settings', async () => {
    commands('');
    page(summary());
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    render(<Popup tabId={tabId} data={data} />);
    expect(await screen.findByText(/Next mention: no shortcut set/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Set one' }));
    expect(create).toHaveBeenCalledWith({ url: 'chrome://extensions/shortcuts' });
  });
});

describe('the map', () => {
  it('is folded away, so that the list gets the height, and opens on a click', async () => {
    page(summary());
    const { container } = render(<Popup tabId={tabId} data={data} />);
    const details = container.querySelector('details.map') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('Rivalry map');
  });

  it('makes the page’s entities stand out and keeps its size whatever the state', async () => {
    page(summary({ state: 'loading', total: 0, entities: [] }));
    const { container } = render(<Popup tabId={tabId} data={data} />);
    const svg = () => container.querySelector('svg.rivalry-map') as SVGElement;
    const before = svg().getAttribute('height');
    expect(container.querySelectorAll('.node.on')).toHaveLength(0);
    page(summary());
    await waitFor(() => expect(container.querySelectorAll('.node.on')).toHaveLength(3), {
      timeout: 2000,
    });
    expect(svg().getAttribute('height')).toBe(before);
    const on = [...container.querySelectorAll('.node.on')].map((n) =>
      n.getAttribute('data-entity'),
    );
    expect(on.sort()).toEqual(['elon-musk', 'openai', 'stoke-space']);
  });
});
