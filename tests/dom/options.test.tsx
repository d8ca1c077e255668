// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsPage } from '../../components/OptionsPage';
import {
  addDismissal,
  disabledSites,
  dismissals,
  dwellMs,
  hiddenEntities,
  highlightStyle,
} from '../../extension/settings';
import { entityFill, entitySwatch, entityUnderline } from '../../extension/palette';
import { repairNotices } from '../../extension/settings-repair';
import { data } from './popup-data';

const entities = data.entities;

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

async function storedEverything() {
  return {
    sync: await fakeBrowser.storage.sync.get(null),
    local: await fakeBrowser.storage.local.get(null),
  };
}

describe('a corrupt stored value', () => {
  it('is reset when the page opens, said so, and the other settings are intact', async () => {
    await fakeBrowser.storage.sync.set({
      disabledSites: ['example.com'],
      disabledSites$: { v: 2 },
      highlightStyle: 'underline',
      dwellMs: 'very slow',
    });
    render(<OptionsPage entities={entities} />);
    const notice = await screen.findByRole('alert', { name: 'Some settings were reset' });
    expect(notice.textContent).toMatch(/Card delay held a value Rivalry Lens could not read/);
    expect(notice.textContent).toContain('(300)');
    expect(notice.textContent).toContain('"very slow"');
    expect(screen.getByText('example.com', { selector: '.row-main' })).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Underline' }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect((screen.getByRole('slider') as HTMLInputElement).value).toBe('300');
    expect(await fakeBrowser.storage.sync.get('dwellMs')).toEqual({});
    fireEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alert', { name: /reset/ })).toBeNull());
    expect(await repairNotices.getValue()).toEqual([]);
  });

  it('shows no notice when everything is readable', async () => {
    await highlightStyle.setValue('underline');
    render(<OptionsPage entities={entities} />);
    await screen.findByRole('radio', { name: 'Underline' });
    expect(screen.queryByText('Some settings were reset')).toBeNull();
  });
});

describe('sites where it is off', () => {
  it('explains what a site covers', async () => {
    render(<OptionsPage entities={entities} />);
    expect(
      (await screen.findByText(/A site is a host name and every host under it/)).textContent,
    ).toMatch(/also turns off www\.example\.com and news\.example\.com/);
  });

  it('adds a site typed as an address, and removes it', async () => {
    render(<OptionsPage entities={entities} />);
    const input = await screen.findByRole('textbox', { name: 'Turn off on' });
    fireEvent.input(input, { target: { value: 'https://WWW.News.Example.com/path?q' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(async () => expect(await disabledSites.getValue()).toEqual(['news.example.com']));
    fireEvent.click(await screen.findByRole('button', { name: 'Turn on news.example.com again' }));
    await waitFor(async () => expect(await disabledSites.getValue()).toEqual([]));
    expect(await screen.findByText('Rivalry Lens is on everywhere.')).toBeTruthy();
  });

  it('refuses what is not a site, and a site already listed', async () => {
    await disabledSites.setValue(['a.org']);
    render(<OptionsPage entities={entities} />);
    const input = await screen.findByRole('textbox', { name: 'Turn off on' });
    fireEvent.input(input, { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toBe('“not a site” is not a site name.');
    fireEvent.input(input, { target: { value: 'www.a.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('a.org is already in the list.'),
    );
    expect(await disabledSites.getValue()).toEqual(['a.org']);
  });

  it('follows changes made elsewhere (the popup, another synced browser)', async () => {
    render(<OptionsPage entities={entities} />);
    await screen.findByText('Rivalry Lens is on everywhere.');
    await disabledSites.setValue(['elsewhere.org']);
    expect(await screen.findByText('elsewhere.org')).toBeTruthy();
  });
});

describe('what and how to highlight', () => {
  it('lists the highlighted entities; unchecking one hides it', async () => {
    render(<OptionsPage entities={entities} />);
    const group = await screen.findByRole('group', { name: /Unchecked names/ });
    const labels = within(group)
      .getAllByRole('checkbox')
      .map((c) => c.parentElement?.textContent);
    expect(labels).toEqual(['Elon Musk', 'OpenAI', 'xAI', 'Sam Altman', 'SpaceX', 'Stoke Space']);
    fireEvent.click(within(group).getByRole('checkbox', { name: 'xAI' }));
    await waitFor(async () => expect(await hiddenEntities.getValue()).toEqual(['xai']));
    fireEvent.click(within(group).getByRole('checkbox', { name: 'xAI' }));
    await waitFor(async () => expect(await hiddenEntities.getValue()).toEqual([]));
  });

  it('sets the highlight style and the card delay', async () => {
    render(<OptionsPage entities={entities} />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Underline' }));
    await waitFor(async () => expect(await highlightStyle.getValue()).toBe('underline'));
    const slider = screen.getByRole('slider');
    fireEvent.input(slider, { target: { value: '650' } });
    expect(screen.getByText('650 ms')).toBeTruthy();
    fireEvent.change(slider, { target: { value: '650' } });
    await waitFor(async () => expect(await dwellMs.getValue()).toBe(650));
  });

  it('in a Firefox that draws no underline, shows the fill chosen and says why', async () => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(
      'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
    );
    try {
      // A synced or imported choice of the underline: pages paint the fill, and so does this.
      await highlightStyle.setValue('underline');
      render(<OptionsPage entities={entities} />);
      const underline = (await screen.findByRole('radio', {
        name: 'Underline',
      })) as HTMLInputElement;
      const fill = screen.getByRole('radio', { name: 'Fill' }) as HTMLInputElement;
      expect([fill.checked, underline.checked, underline.disabled]).toEqual([true, false, true]);
      const why = document.getElementById(underline.getAttribute('aria-describedby') ?? '');
      expect(why?.textContent).toBe(
        'This version of Firefox draws highlights as a fill only: underlines need Firefox 146 or later.',
      );
      // The names' swatches wear the fill alone, as that Firefox's pages do.
      const openai = screen.getByRole('checkbox', { name: 'OpenAI' }).parentElement;
      const swatch = openai?.querySelector('.swatch') as HTMLElement;
      expect(swatch.style.getPropertyValue('--swatch-light')).toBe(entityFill('openai', 'light'));
      expect(swatch.style.getPropertyValue('--swatch-dark')).toBe(entityFill('openai', 'dark'));
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('offers the underline wherever it is drawn', async () => {
    render(<OptionsPage entities={entities} />);
    const underline = (await screen.findByRole('radio', { name: 'Underline' })) as HTMLInputElement;
    expect(underline.disabled).toBe(false);
    expect(underline.hasAttribute('aria-describedby')).toBe(false);
    expect(screen.queryByText(/underlines need Firefox/)).toBeNull();
  });
});

describe('dismissed false positives', () => {
  it('are listed in plain words, on a site or a page, and removed one by one', async () => {
    await addDismissal({ site: 'news.example.com', entity: 'xai', text: 'XAI' });
    await addDismissal({
      site: 'news.example.com',
      entity: 'xai',
      text: 'XAI',
      page: '/2025/story',
    });
    await addDismissal({ site: 'a.org', entity: 'stoke-space', text: 'Stoke' });
    render(<OptionsPage entities={entities} />);
    const list = await screen.findByRole('list', { name: 'Dismissed mentions' });
    expect([...list.querySelectorAll('.row-main')].map((r) => r.textContent)).toEqual([
      '“Stoke” is not Stoke Space — on this site (a.org)',
      '“XAI” is not xAI — on this site (news.example.com)',
      '“XAI” is not xAI — on this page: news.example.com/2025/story',
    ]);
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Highlight “XAI” as xAI on news.example.com/2025/story again',
      }),
    );
    await waitFor(async () =>
      expect(await dismissals.getValue()).toEqual([
        { site: 'news.example.com', entity: 'xai', text: 'XAI' },
        { site: 'a.org', entity: 'stoke-space', text: 'Stoke' },
      ]),
    );
    await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(2));
    fireEvent.click(
      screen.getByRole('button', { name: 'Highlight “Stoke” as Stoke Space on a.org again' }),
    );
    await waitFor(async () =>
      expect(await dismissals.getValue()).toEqual([
        { site: 'news.example.com', entity: 'xai', text: 'XAI' },
      ]),
    );
  });
});

describe('export and import', () => {
  function choose(text: string, name = 'settings.json') {
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File([text], name, { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
  }

  it('exports every setting as a JSON file', async () => {
    await disabledSites.setValue(['a.org']);
    let blob: Blob | undefined;
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:settings';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<OptionsPage entities={entities} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export settings…' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toMatch(/^rivalry-lens-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse((await blob?.text()) ?? '');
    expect(json.settings.disabledSites).toEqual(['a.org']);
    expect(json.format).toBe('rivalry-lens-settings');
    create.mockRestore();
    click.mockRestore();
  });

  it('imports a good file and shows the new settings', async () => {
    render(<OptionsPage entities={entities} />);
    await screen.findByRole('radio', { name: 'Fill' });
    choose(
      JSON.stringify({
        format: 'rivalry-lens-settings',
        formatVersion: 1,
        settings: { highlightStyle: 'underline', disabledSites: ['imported.org'] },
      }),
    );
    expect(
      await screen.findByText(
        'Imported from settings.json: Highlight style and Sites where Rivalry Lens is off.',
      ),
    ).toBeTruthy();
    expect(await screen.findByText('imported.org')).toBeTruthy();
    await waitFor(() =>
      expect((screen.getByRole('radio', { name: 'Underline' }) as HTMLInputElement).checked).toBe(
        true,
      ),
    );
  });

  it('refuses a bad file, says what is wrong, and changes nothing', async () => {
    await disabledSites.setValue(['a.org']);
    await dwellMs.setValue(500);
    const before = await storedEverything();
    render(<OptionsPage entities={entities} />);
    await screen.findByText('a.org');
    choose(
      JSON.stringify({
        format: 'rivalry-lens-settings',
        formatVersion: 1,
        settings: { dwellMs: 50, disabledSites: ['b.org'] },
      }),
      'old.json',
    );
    const alert = (await screen.findByText(/old\.json was not imported/)).closest('[role=alert]');
    expect(alert?.textContent).toContain('old.json was not imported, and nothing changed:');
    expect(alert?.textContent).toMatch(/Card delay \(“dwellMs”\): must be at least 100 ms/);
    expect(await storedEverything()).toEqual(before);
    expect(screen.getByText('a.org')).toBeTruthy();
  });

  it('refuses a file that is not JSON', async () => {
    render(<OptionsPage entities={entities} />);
    await screen.findByRole('button', { name: 'Export settings…' });
    choose('hello', 'notes.txt');
    const alert = (await screen.findByText(/notes\.txt was not imported/)).closest('[role=alert]');
    expect(alert?.textContent).toMatch(/notes\.txt was not imported.*not JSON/);
  });
});

describe('the shortcut', () => {
  it('where the browser left it unset, says so, and shows the keys once set', async () => {
    const commands = (shortcut: string) => {
      fakeBrowser.commands.getAll = vi.fn(async () => [
        { name: 'next-mention', shortcut },
      ]) as unknown as typeof fakeBrowser.commands.getAll;
    };
    commands('');
    render(<OptionsPage entities={entities} />);
    expect(await screen.findByText(/Next mention: no shortcut set/)).toBeTruthy();
    cleanup();
    commands('Alt+Shift+N');
    render(<OptionsPage entities={entities} />);
    expect(await screen.findByText('Alt+Shift+N')).toBeTruthy();
  });
});

describe('colours on the options page', () => {
  it('shows each name with its highlight’s colours, and the styles as a mention wears them', async () => {
    render(<OptionsPage entities={entities} />);
    const openai = await screen.findByRole('checkbox', { name: 'OpenAI' });
    const swatch = openai.parentElement?.querySelector('.swatch') as HTMLElement;
    expect(swatch.getAttribute('aria-hidden')).toBe('true');
    expect(swatch.style.getPropertyValue('--swatch-light')).toBe(entitySwatch('openai', 'light'));
    expect(swatch.style.getPropertyValue('--swatch-dark')).toBe(entitySwatch('openai', 'dark'));
    const spacex = screen.getByRole('checkbox', { name: 'SpaceX' }).parentElement;
    const spacexSwatch = spacex?.querySelector('.swatch') as HTMLElement;
    expect(spacexSwatch.style.getPropertyValue('--swatch-light')).toBe(
      entitySwatch('spacex', 'light'),
    );
    const first = entities.find((e) => e.highlight)?.id as string;
    for (const name of ['Fill', 'Underline']) {
      const sample = screen
        .getByRole('radio', { name })
        .parentElement?.querySelector('.sample') as HTMLElement;
      expect(sample.style.getPropertyValue('--sample-fill-light')).toBe(entityFill(first, 'light'));
      expect(sample.style.getPropertyValue('--sample-ink-dark')).toBe(
        entityUnderline(first, 'dark'),
      );
    }
  });
});
