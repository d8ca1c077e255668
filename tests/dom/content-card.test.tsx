// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Card } from '../../components/Card';
import { type CardModel, cardModel, withMention } from '../../core/card-model';
import { dataset } from '../../core/rivalry-data';
import { entityRgb, entitySwatch } from '../../extension/palette';
import { useLocale } from '../setup/i18n';
import { fakeData } from './content-helpers';

afterEach(cleanup);

const stoke = () => cardModel(fakeData, 'stoke-space') as CardModel;
const button = (name: string | RegExp) => screen.getByRole('button', { name });
/** A fixed today, five months after fakeData's as-of date. */
const today = new Date(2025, 10, 15);

describe('Card', () => {
  it('is compact: the entity, its description, a line per front, the data’s date once', () => {
    const { container } = render(<Card model={stoke()} onNotThis={() => {}} today={today} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Stoke Space');
    expect(screen.getByText('company')).toBeTruthy();
    expect(screen.getByText('Reusable-rocket start-up in Kent, Washington.')).toBeTruthy();
    const fronts = screen.getByRole('list', { name: 'Rivalry fronts' });
    expect(fronts.textContent).toBe('Space — vs SpaceX');
    expect(container.textContent?.match(/as of/gi)).toHaveLength(1);
    // The date as the interface's language writes it: English, in the tests.
    expect(container.querySelector('.as-of')?.textContent).toBe(
      'Data as of June 1, 2025 · 5 months ago',
    );
    expect(container.querySelector('.as-of time')?.getAttribute('datetime')).toBe('2025-06-01');
    // The facts, the summaries and the sources wait behind More.
    expect(container.textContent).not.toContain('Raised a Series C.');
    expect(container.textContent).not.toContain('talks ended');
    expect(container.querySelector('a')).toBeNull();
    expect(screen.queryByText(/matched/)).toBeNull();
  });

  it('speaks the interface’s language around the data’s English', async () => {
    const english = await useLocale('de');
    try {
      const { container } = render(
        <Card
          model={stoke()}
          onNotThis={() => {}}
          position={{ index: 3, total: 1204 }}
          today={today}
        />,
      );
      expect(screen.getByText('Unternehmen')).toBeTruthy();
      expect(screen.getByRole('list', { name: 'Fronten der Rivalität' }).textContent).toBe(
        'Space — gegen SpaceX',
      );
      expect(container.querySelector('.pos')?.textContent).toBe('3 von 1.204');
      expect(container.querySelector('.as-of')?.textContent).toBe(
        'Datenstand: 1. Juni 2025 · vor 5 Monaten',
      );
      expect(screen.getByText('Reusable-rocket start-up in Kent, Washington.')).toBeTruthy();
      fireEvent.click(button('Nicht das'));
      expect(screen.getByRole('group', { name: 'Das ist nicht Stoke Space' })).toBeTruthy();
    } finally {
      await english();
    }
  });

  it('More shows the facts with linked sources, says it is open, and asks to be placed again', () => {
    const onResize = vi.fn();
    const { container } = render(<Card model={stoke()} onResize={onResize} />);
    expect(onResize).not.toHaveBeenCalled();
    const more = button('More');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(button('Less').getAttribute('aria-expanded')).toBe('true');
    expect(onResize).toHaveBeenCalledOnce();
    expect(container.textContent).toContain('Raised a Series C.');
    expect(container.textContent).toContain(
      'Altman explored a deal with Stoke Space; talks ended.',
    );
    expect(container.textContent).toContain('Led by Andy Lapsa, CEO');
    const facts = screen.getByRole('list', { name: 'Facts' });
    expect(facts.querySelectorAll('li')).toHaveLength(4);
    expect(facts.textContent).not.toContain('Oldest fact');

    const links = [...container.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(0);
    expect(
      screen.getAllByRole('link', { name: 'Example News, Mar 2, 2025: Altman and Stoke' }),
    ).toHaveLength(links.length);
    for (const a of links) {
      // "Outlet, date" on screen; the headline is the tooltip and part of the link's name.
      expect(a.textContent).toBe('Example News, Mar 2, 2025');
      expect(a.getAttribute('title')).toBe('Altman and Stoke');
      expect(a.getAttribute('href')).toBe('https://news.example/altman-stoke');
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    // A source without an address is named, not linked.
    expect(screen.getAllByText('Rocket Weekly, Nov 20, 2024')[0]?.closest('a')).toBeNull();
    expect(container.textContent).not.toMatch(/dated|as of that date|seed/i);

    fireEvent.click(button('Less'));
    expect(button('More').getAttribute('aria-expanded')).toBe('false');
    expect(onResize).toHaveBeenCalledTimes(2);
    expect(container.textContent).not.toContain('Raised a Series C.');
  });

  it('wears a highlighted entity’s colours in its swatch, and a landscape one its ink', () => {
    const real = (id: string) => cardModel(dataset, id) as CardModel;
    const { container, rerender } = render(<Card model={real('stoke-space')} />);
    const swatch = () => container.querySelector('.swatch') as HTMLElement;
    // As its mentions look: the fill with the underline's band, for either page scheme.
    expect(swatch().style.getPropertyValue('--swatch-light')).toBe(
      entitySwatch('stoke-space', 'light'),
    );
    expect(swatch().style.getPropertyValue('--swatch-dark')).toBe(
      entitySwatch('stoke-space', 'dark'),
    );
    rerender(<Card model={real('google')} />);
    expect(swatch().style.getPropertyValue('--swatch-light')).toBe('');
    expect(swatch().style.background).toBe(`rgb(${entityRgb('google')})`);
  });

  it('shows matched “Nueralink” for a misspelling', () => {
    const model = withMention(cardModel(fakeData, 'neuralink') as CardModel, {
      text: 'Nueralink',
      via: 'fuzzy',
    });
    render(<Card model={model} />);
    expect(screen.getByText('matched “Nueralink”')).toBeTruthy();
    // No fronts nor facts in the data: no empty list, and nothing behind More.
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.queryByRole('button', { name: 'More' })).toBeNull();
  });

  it('Not this asks where, this page first, then offers Undo', () => {
    const onNotThis = vi.fn();
    const onUndo = vi.fn();
    render(<Card model={stoke()} onNotThis={onNotThis} onUndo={onUndo} />);
    fireEvent.click(button('Not this'));
    expect(onNotThis).not.toHaveBeenCalled();
    // The default, this page, comes first and has the focus.
    const choices = screen.getByRole('group', { name: 'This is not Stoke Space' });
    const first = choices.querySelector('button');
    expect(first?.textContent).toBe('On this page');
    expect(document.activeElement).toBe(first);
    fireEvent.click(button('On this page'));
    expect(onNotThis).toHaveBeenCalledExactlyOnceWith('page');
    expect(screen.getByText('Hidden on this page.')).toBeTruthy();
    expect(document.activeElement).toBe(button('Undo'));
    fireEvent.click(button('Undo'));
    expect(onUndo).toHaveBeenCalledOnce();
    expect(button('Not this')).toBeTruthy();

    fireEvent.click(button('Not this'));
    fireEvent.click(button('On this site'));
    expect(onNotThis).toHaveBeenLastCalledWith('site');
    expect(screen.getByText('Hidden on this site.')).toBeTruthy();
  });

  it('Cancel goes back without dismissing anything', () => {
    const onNotThis = vi.fn();
    render(<Card model={stoke()} onNotThis={onNotThis} />);
    fireEvent.click(button('Not this'));
    fireEvent.click(button('Cancel'));
    expect(onNotThis).not.toHaveBeenCalled();
    expect(button('Not this')).toBeTruthy();
  });

  it('shows its place among the mentions, with next and previous as buttons', () => {
    const onNext = vi.fn();
    const onPrev = vi.fn();
    render(
      <Card model={stoke()} position={{ index: 3, total: 12 }} onNext={onNext} onPrev={onPrev} />,
    );
    expect(screen.getByText('3 of 12')).toBeTruthy();
    fireEvent.click(button('Next mention'));
    fireEvent.click(button('Previous mention'));
    expect(onNext).toHaveBeenCalledOnce();
    expect(onPrev).toHaveBeenCalledOnce();
  });

  it('another mention’s card starts closed and without the undo', () => {
    const { rerender, container } = render(<Card model={stoke()} onNotThis={() => {}} />);
    fireEvent.click(button('More'));
    fireEvent.click(button('Not this'));
    act(() => {
      rerender(<Card model={stoke()} onNotThis={() => {}} />);
    });
    expect(button('More').getAttribute('aria-expanded')).toBe('false');
    expect(container.textContent).not.toContain('Hide it');
  });

  it('marks a source whose date is inferred', () => {
    const inferred = {
      ...fakeData,
      sources: fakeData.sources.map((x) =>
        x.id === 'src-a' ? { ...x, dateInferred: true as const } : x,
      ),
    };
    render(<Card model={cardModel(inferred, 'stoke-space') as CardModel} />);
    fireEvent.click(button('More'));
    const links = screen.getAllByRole('link', {
      name: 'Example News, c. Mar 2, 2025: Altman and Stoke',
    });
    expect(links.length).toBeGreaterThan(0);
  });
});

describe('Card: a rival’s card in its place', () => {
  const real = (id: string) => cardModel(dataset, id) as CardModel;
  const loadCard = vi.fn(async (id: string) => cardModel(dataset, id));

  it('a rival’s name opens its card, Back returns, focus follows', async () => {
    const onResize = vi.fn();
    const onNotThis = vi.fn();
    const model = withMention(real('openai'), { text: 'Open-AI', via: 'variant' });
    const { container } = render(
      <Card
        model={model}
        loadCard={loadCard}
        onNotThis={onNotThis}
        onResize={onResize}
        position={{ index: 1, total: 3 }}
        onNext={() => {}}
        onPrev={() => {}}
      />,
    );
    expect(screen.queryByRole('button', { name: /^Back to / })).toBeNull();
    expect(screen.queryByText(/not highlighted on pages/)).toBeNull();
    const google = button('Google');
    expect(google.getAttribute('title')).toBe('Show Google’s card');
    fireEvent.click(google);
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Google'),
    );
    expect(loadCard).toHaveBeenCalledWith('google');
    const back = button('Back to OpenAI');
    expect(back.textContent).toBe('← Back to OpenAI');
    expect(document.activeElement).toBe(back);
    // Placed again for its new size (effects run after paint, outside act here).
    await waitFor(() => expect(onResize).toHaveBeenCalledOnce());
    // Google is not highlighted on the page: the card says so, OpenAI's did not.
    expect(screen.getByText(/not highlighted on pages/)).toBeTruthy();
    // What belongs to the mention stays with the mention's own card.
    expect(screen.queryByText(/matched/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Not this' })).toBeNull();
    expect(screen.queryByText('1 of 3')).toBeNull();
    expect(container.querySelectorAll('.as-of')).toHaveLength(1);
    // Google's own rival, OpenAI, is a way on as well.
    expect(button('OpenAI').classList.contains('rival-link')).toBe(true);

    fireEvent.click(back);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('OpenAI');
    expect(document.activeElement).toBe(button('Google'));
    expect(screen.getByText('matched “Open-AI”')).toBeTruthy();
    expect(button('Not this')).toBeTruthy();
    expect(screen.getByText('1 of 3')).toBeTruthy();
    expect(onResize).toHaveBeenCalledTimes(2);
  });

  it('a leader with a card of their own opens it from More, and Back keeps More open', async () => {
    render(<Card model={real('openai')} loadCard={loadCard} today={today} />);
    fireEvent.click(button('More'));
    expect(screen.getByText(/^Led by/).textContent).toContain(
      'Greg Brockman, Co-founder and President',
    );
    expect(screen.getByText(/^Founded 2015/).textContent).toBe(
      'Founded 2015 · San Francisco, California',
    );
    // Only a leader with an entity of their own is a way on.
    expect(screen.queryByRole('button', { name: 'Greg Brockman' })).toBeNull();
    fireEvent.click(button('Sam Altman'));
    await screen.findByRole('button', { name: 'Back to OpenAI' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Sam Altman');
    expect(button('More').getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button('Back to OpenAI'));
    expect(button('Less').getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(button('Sam Altman'));
  });

  it('goes several cards deep and back one at a time', async () => {
    render(<Card model={real('neuralink')} loadCard={loadCard} />);
    fireEvent.click(button('Merge Labs'));
    await screen.findByRole('button', { name: 'Back to Neuralink' });
    fireEvent.click(button('Neuralink'));
    await screen.findByRole('button', { name: 'Back to Merge Labs' });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Neuralink');
    fireEvent.click(button('Back to Merge Labs'));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Merge Labs');
    fireEvent.click(button('Back to Neuralink'));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Neuralink');
    expect(screen.queryByRole('button', { name: /^Back to / })).toBeNull();
  });

  it('names rivals as plain text where no card can be opened', () => {
    render(<Card model={real('openai')} />);
    expect(screen.queryByRole('button', { name: 'Google' })).toBeNull();
    expect(screen.getByRole('list', { name: 'Rivalry fronts' }).textContent).toContain('Google');
  });

  it('offers the way back it is given from its first card', () => {
    const onBack = vi.fn();
    render(<Card model={real('google')} back={{ label: 'Rivalry map', onBack }} />);
    fireEvent.click(button('Back to Rivalry map'));
    expect(onBack).toHaveBeenCalledOnce();
  });
});
