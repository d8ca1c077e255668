// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Card } from '../../components/Card';
import { type CardModel, cardModel, MAX_FACTS, withMention } from '../../core/card-model';
import { fakeData } from './content-helpers';

afterEach(cleanup);

describe('cardModel', () => {
  it('takes name, kind, description, leader, fronts with rivals, and dated facts', () => {
    const m = cardModel(fakeData, 'stoke-space');
    expect(m).toMatchObject({
      name: 'Stoke Space',
      kind: 'company',
      description: 'Reusable-rocket start-up in Kent, Washington.',
      leader: 'Andy Lapsa (CEO)',
      asOf: '2025-06-01',
    });
    expect(m?.matched).toBeUndefined();
    expect(m?.fronts).toEqual([
      {
        front: 'Space',
        rivals: 'SpaceX',
        summary: 'Altman explored a deal with Stoke Space; talks ended.',
        asOf: '2025-03-01',
        source: { title: 'Altman and Stoke', publisher: 'Example News', date: '2025-03-02' },
      },
    ]);
    // At most four facts, newest first; the oldest of five is left out.
    expect(m?.facts.map((f) => f.date)).toEqual(['2025-01-15', '2024-02', '2023-09-01', '2019']);
    expect(m?.facts.length).toBeLessThanOrEqual(MAX_FACTS);
  });

  it('says what was matched when the page wrote the name differently', () => {
    const card = (id: string) => cardModel(fakeData, id) as CardModel;
    expect(withMention(card('neuralink'), { text: 'Nueralink', via: 'fuzzy' }).matched).toBe(
      'Nueralink',
    );
    expect(withMention(card('elon-musk'), { text: 'Musk', via: 'context' }).matched).toBe('Musk');
    expect(
      withMention(card('stoke-space'), { text: 'Stoke\nSpace', via: 'variant' }).matched,
    ).toBeUndefined();
    expect(cardModel(fakeData, 'nobody')).toBeNull();
  });
});

describe('Card', () => {
  it('shows the dataset content with sources and dates', () => {
    const model = cardModel(fakeData, 'stoke-space');
    if (!model) throw new Error('no model');
    render(<Card model={model} onNotThis={() => {}} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Stoke Space');
    expect(screen.getByText('company')).toBeTruthy();
    expect(screen.getByText(/Andy Lapsa \(CEO\)/)).toBeTruthy();
    const fronts = screen.getByRole('region', { name: 'Rivalry fronts' });
    expect(fronts.textContent).toContain('Space');
    expect(fronts.textContent).toContain('vs SpaceX');
    expect(fronts.textContent).toContain('Altman explored a deal with Stoke Space; talks ended.');
    expect(fronts.textContent).toContain('as of 2025-03-01 · Example News');
    expect(fronts.querySelector('cite')?.getAttribute('title')).toBe(
      'Altman and Stoke (2025-03-02)',
    );
    const facts = screen.getByRole('region', { name: 'Key facts' });
    expect(facts.querySelectorAll('li')).toHaveLength(4);
    expect(facts.textContent).toContain('2025-01-15 — Raised a Series C.');
    expect(facts.textContent).not.toContain('Oldest fact');
    expect(screen.getByText(/data as of/).textContent).toContain('2025-06-01');
    expect(screen.queryByText(/matched/)).toBeNull();
  });

  it('shows matched “Nueralink” for a fuzzy match, and reports “Not this”', () => {
    const model = withMention(cardModel(fakeData, 'neuralink') as CardModel, {
      text: 'Nueralink',
      via: 'fuzzy',
    });
    const onNotThis = vi.fn();
    render(<Card model={model} onNotThis={onNotThis} />);
    expect(screen.getByText('matched “Nueralink”')).toBeTruthy();
    // No fronts or facts in the data: no empty sections either.
    expect(screen.queryByRole('region', { name: 'Key facts' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Not this' }));
    expect(onNotThis).toHaveBeenCalledOnce();
  });
});
