// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Popup } from '../../components/Popup';
import { dataset } from '../../core/rivalry-data';
import { data } from './popup-data';

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.commands.getAll = vi.fn(async () => []) as typeof fakeBrowser.commands.getAll;
});
afterEach(cleanup);

/** Five months and a half after the test data's as-of date. */
const today = new Date(2025, 10, 15);

const fold = (title: string) => {
  const summary = screen.getByText(title, { selector: 'summary' });
  return summary.closest('details') as HTMLDetailsElement;
};

describe('the popup says how old its data is', () => {
  it('once, with the date and the time since', () => {
    const { container } = render(<Popup tabId={undefined} data={data} today={today} />);
    const ages = container.querySelectorAll('.data-age');
    expect(ages).toHaveLength(1);
    expect(ages[0]?.textContent).toBe('Data as of Jun 1, 2025 · 5 months ago');
    expect(container.textContent?.match(/as of/gi)).toHaveLength(1);
  });
});

describe('Wider landscape', () => {
  it('is folded away, beside the rivalry map, one open at a time', () => {
    render(<Popup tabId={undefined} data={data} today={today} />);
    const landscape = fold('Wider landscape');
    const map = fold('Rivalry map');
    expect(landscape.open).toBe(false);
    expect(map.open).toBe(false);
    expect(landscape.getAttribute('name')).toBe(map.getAttribute('name'));
  });

  it('lists every landscape fact, newest first, each with a link to its source', () => {
    render(<Popup tabId={undefined} data={data} today={today} />);
    const facts = within(fold('Wider landscape')).getByRole('list', {
      name: /^About the industry/,
    });
    const items = [...facts.querySelectorAll('li')];
    // Written in the interface's language, the data's own date kept for machines.
    expect(items.map((li) => li.querySelector('time')?.textContent)).toEqual([
      'May 20, 2025',
      'April 1, 2025',
    ]);
    expect(items.map((li) => li.querySelector('time')?.getAttribute('datetime'))).toEqual([
      '2025-05-20',
      '2025-04-01',
    ]);
    expect(items[0]?.textContent).toContain('AI chips are scarce.');
    const chips = within(items[0] as HTMLElement).getByRole('link', {
      name: 'Chip Weekly, c. May 20, 2025: Chips and more chips',
    });
    expect(chips.getAttribute('href')).toBe('https://chips.example/b');
    expect(chips.getAttribute('rel')).toBe('noopener noreferrer');
    expect(chips.getAttribute('target')).toBe('_blank');
    const hypersonic = within(items[1] as HTMLElement).getByRole('link');
    expect(hypersonic.textContent).toBe('Example News, Jun 1, 2025');
  });

  it('lists every fact of the bundled landscape with its source’s address', () => {
    render(<Popup tabId={undefined} data={dataset} />);
    const facts = within(fold('Wider landscape')).getByRole('list', {
      name: /^About the industry/,
    });
    const items = [...facts.querySelectorAll('li')];
    expect(items).toHaveLength(dataset.landscape?.length ?? 0);
    for (const fact of dataset.landscape ?? []) {
      const item = items.find((li) => li.textContent?.includes(fact.text));
      expect(item, fact.text).toBeDefined();
      const url = dataset.sources.find((s) => s.id === fact.source)?.url;
      if (url) expect(item?.querySelector('a')?.getAttribute('href'), fact.text).toBe(url);
    }
  });

  it('opens the card of an entity no page highlights, inline, with a way back', () => {
    const { container } = render(<Popup tabId={undefined} data={dataset} today={today} />);
    const landscape = fold('Wider landscape');
    const others = within(landscape).getByRole('list', { name: /not highlighted on pages/ });
    const names = within(others)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(names).toEqual(dataset.entities.filter((e) => !e.highlight).map((e) => e.name));
    fireEvent.click(within(others).getByRole('button', { name: 'Meta' }));
    const card = within(landscape).getByRole('region', { name: 'Meta: card' });
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toBe('Meta');
    // The popup's header says how old the data is; the card inside does not say it again.
    expect(container.textContent?.match(/as of/gi)).toHaveLength(1);
    const back = within(card).getByRole('button', { name: 'Back to Wider landscape' });
    expect(document.activeElement).toBe(back);
    expect(within(landscape).queryByRole('list', { name: /^About the industry/ })).toBeNull();
    fireEvent.click(back);
    expect(within(landscape).getByRole('list', { name: /^About the industry/ })).toBeTruthy();
    expect(document.activeElement).toBe(within(landscape).getByRole('button', { name: 'Meta' }));
  });
});

describe('the rivalry map opens cards', () => {
  it('a name in the map shows its card in the fold; its rivals open theirs', async () => {
    render(<Popup tabId={undefined} data={dataset} today={today} />);
    const map = fold('Rivalry map');
    const xai = within(map).getByRole('button', { name: 'xAI: show its card' });
    // Focusable: an SVG element's attribute names are case-sensitive (not `tabIndex`).
    expect(xai.getAttributeNames()).toContain('tabindex');
    fireEvent.keyDown(xai, { key: 'Enter' });
    const card = within(map).getByRole('region', { name: 'xAI: card' });
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toBe('xAI');
    expect(document.activeElement).toBe(
      within(card).getByRole('button', { name: 'Back to Rivalry map' }),
    );
    // On to OpenAI from xAI's fronts, and back to xAI.
    fireEvent.click(within(card).getByRole('button', { name: 'OpenAI' }));
    expect(await within(card).findByRole('button', { name: 'Back to xAI' })).toBeTruthy();
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toBe('OpenAI');
    fireEvent.click(within(card).getByRole('button', { name: 'Back to xAI' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Back to Rivalry map' }));
    expect(within(map).queryByRole('region')).toBeNull();
    expect(document.activeElement).toBe(
      within(map).getByRole('button', { name: 'xAI: show its card' }),
    );
  });
});
