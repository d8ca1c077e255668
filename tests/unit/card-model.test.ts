import { describe, expect, it } from 'vitest';
import {
  type CardModel,
  cardModel,
  landscapeFacts,
  MAX_FACTS,
  oneLine,
  repeats,
  withMention,
} from '../../core/card-model';
import type { Dataset } from '../../core/dataset';
import { dataset } from '../../core/rivalry-data';

const data: Dataset = {
  version: 1,
  asOf: '2025-06-01',
  fronts: [
    { id: 'space', name: 'Space', description: 'Launch and rockets.' },
    { id: 'ai', name: 'AI', description: 'Frontier AI labs.' },
  ],
  sources: [
    {
      id: 'src-a',
      title: 'Altman and Stoke',
      publisher: 'Example News',
      date: '2025-03-02',
      url: 'https://news.example/a',
    },
    {
      id: 'src-b',
      title: 'Launch log',
      publisher: 'Rocket Weekly',
      date: '2024-11-20',
      url: 'https://rocket.example/log',
    },
  ],
  entities: [
    {
      id: 'stoke-space',
      name: 'Stoke Space',
      kind: 'company',
      highlight: true,
      description:
        'Start-up from Kent, Washington, building Nova. Both of its stages are meant to fly again and again.',
      founded: 2019,
      headquarters: 'Kent, Washington',
      leaders: [{ name: 'Andy Lapsa', role: 'CEO' }],
      aliases: [{ text: 'Stoke Space' }, { text: 'Stoke', ambiguous: true }],
      fronts: [
        {
          front: 'space',
          rivals: ['spacex', 'openai'],
          summary: 'Sam Altman explored a deal with Stoke Space; the talks have ended.',
          asOf: '2025-03-01',
          source: 'src-a',
        },
      ],
      facts: [
        { text: 'Nova rocket first hop.', date: '2023-09-01', source: 'src-b' },
        { text: 'Raised a Series C.', date: '2025-01-15', source: 'src-a', fronts: ['space'] },
        {
          text: 'Explored a deal with Sam Altman; the talks ended.',
          date: '2025-02',
          source: 'src-a',
        },
        { text: 'Founded by ex-Blue Origin engineers.', date: '2019', source: 'src-b' },
        { text: 'Pad at Cape Canaveral LC-14.', date: '2024-02', source: 'src-b' },
        { text: 'Oldest fact, must be cut.', date: '2018', source: 'src-b' },
      ],
    },
    {
      id: 'spacex',
      name: 'SpaceX',
      kind: 'company',
      highlight: true,
      description: 'Launch provider.',
      leaders: [],
      aliases: [{ text: 'SpaceX' }, { text: 'Space X' }],
      fronts: [],
      facts: [],
    },
    {
      id: 'openai',
      name: 'OpenAI',
      kind: 'company',
      highlight: true,
      description: 'AI lab.',
      leaders: [],
      aliases: [{ text: 'OpenAI' }, { text: 'OpenAl', fuzzy: true }],
      fronts: [],
      facts: [],
    },
  ],
};

const model = (id: string) => cardModel(data, id) as CardModel;
/** Stoke Space's card, from the test data with some of its fields changed. */
const stokeWith = (changes: Partial<Dataset['entities'][number]>) => {
  const [stoke, ...rest] = data.entities as [Dataset['entities'][number]];
  return cardModel(
    { ...data, entities: [{ ...stoke, ...changes }, ...rest] },
    'stoke-space',
  ) as CardModel;
};
const model_ = (d: typeof dataset, id: string) => cardModel(d, id) as CardModel;

describe('cardModel', () => {
  it('is compact: name, kind, one line of description, a line per front with its rivals', () => {
    const m = model('stoke-space');
    expect(m).toMatchObject({
      name: 'Stoke Space',
      kind: 'company',
      description: 'Start-up from Kent, Washington, building Nova.',
      leaders: [{ name: 'Andy Lapsa', role: 'CEO' }],
      founded: 2019,
      headquarters: 'Kent, Washington',
      asOf: '2025-06-01',
    });
    expect(m.fronts).toEqual([
      {
        front: 'Space',
        rivals: [
          { id: 'spacex', name: 'SpaceX' },
          { id: 'openai', name: 'OpenAI' },
        ],
        summary: 'Sam Altman explored a deal with Stoke Space; the talks have ended.',
        source: {
          title: 'Altman and Stoke',
          publisher: 'Example News',
          date: '2025-03-02',
          url: 'https://news.example/a',
        },
      },
    ]);
    expect(cardModel(data, 'nobody')).toBeNull();
  });

  it('leaves out a fact that repeats a front’s summary, and keeps four, newest first', () => {
    const m = model('stoke-space');
    expect(m.facts.map((f) => f.text)).not.toContain(
      'Explored a deal with Sam Altman; the talks ended.',
    );
    expect(m.facts.map((f) => f.date)).toEqual(['2025-01-15', '2024-02', '2023-09-01', '2019']);
    expect(m.facts.length).toBeLessThanOrEqual(MAX_FACTS);
  });

  it('keeps the facts of a front over newer ones when there are too many, shown newest first', () => {
    const many = stokeWith({
      facts: [
        { text: 'Won a launch contract.', date: '2020-05', source: 'src-b', fronts: ['space'] },
        { text: 'Opened a factory.', date: '2025-04', source: 'src-b' },
        { text: 'Hired a new CFO.', date: '2025-03', source: 'src-b' },
        { text: 'Tested an engine.', date: '2024-08', source: 'src-b' },
        { text: 'Moved its offices.', date: '2022-01', source: 'src-b' },
      ],
    });
    expect(many.facts.map((f) => f.date)).toEqual(['2025-04', '2025-03', '2024-08', '2020-05']);
  });

  it('links a leader’s name only to a card the dataset has', () => {
    const led = stokeWith({
      leaders: [
        { name: 'Andy Lapsa', role: 'CEO', entity: 'andy-lapsa' },
        { name: 'A lab', role: 'Backer', entity: 'openai' },
      ],
    });
    expect(led.leaders).toEqual([
      { name: 'Andy Lapsa', role: 'CEO' },
      { name: 'A lab', role: 'Backer', entity: 'openai' },
    ]);
  });

  it('carries each source’s address', () => {
    const [newest, , nova] = model('stoke-space').facts;
    expect(newest?.source?.url).toBe('https://news.example/a');
    expect(nova?.source).toEqual({
      title: 'Launch log',
      publisher: 'Rocket Weekly',
      date: '2024-11-20',
      url: 'https://rocket.example/log',
    });
  });

  it('opens for every entity of the bundled dataset, those no page highlights too', () => {
    const ids = new Set(dataset.entities.map((e) => e.id));
    const hidden = dataset.entities.filter((e) => !e.highlight);
    expect(hidden.map((e) => e.id)).toEqual(expect.arrayContaining(['google', 'merge-labs']));
    for (const e of dataset.entities) {
      const m = cardModel(dataset, e.id);
      expect(m, e.id).toMatchObject({ entity: e.id, name: e.name, asOf: dataset.asOf });
      // Every rival named on a card is a card of its own: the name can open it.
      for (const f of m?.fronts ?? []) for (const r of f.rivals) expect(ids, e.id).toContain(r.id);
    }
    // A leader with a card of their own carries its id: the name opens it.
    const reddit = dataset.entities.find((e) => e.id === 'reddit');
    for (const l of reddit?.leaders ?? [])
      expect(model_(dataset, 'reddit').leaders).toContainEqual(
        l.entity
          ? { name: l.name, role: l.role, entity: l.entity }
          : { name: l.name, role: l.role },
      );
    const google = cardModel(dataset, 'google') as CardModel;
    expect(google.fronts[0]?.rivals).toContainEqual({ id: 'openai', name: 'OpenAI' });
  });

  it('says when a source’s date is inferred', () => {
    const inferred = {
      ...data,
      sources: data.sources.map((s) =>
        s.id === 'src-a' ? { ...s, dateInferred: true as const } : s,
      ),
    };
    const m = cardModel(inferred, 'stoke-space') as CardModel;
    expect(m.fronts[0]?.source?.dateInferred).toBe(true);
    expect(m.facts.find((f) => f.source?.publisher === 'Rocket Weekly')?.source).not.toHaveProperty(
      'dateInferred',
    );
  });

  it('shows no internal words from the bundled dataset', () => {
    for (const e of dataset.entities) {
      const text = JSON.stringify(cardModel(dataset, e.id));
      expect(text, e.id).not.toMatch(/\bseed\b|\bdated\b|as of that date|\([^)]*\(/i);
    }
  });

  it('keeps a description that fits, or has no sentence end, whole', () => {
    expect(oneLine('AI lab.')).toBe('AI lab.');
    expect(oneLine('Launch provider. Also runs Starlink.')).toBe(
      'Launch provider. Also runs Starlink.',
    );
    const long = 'x'.repeat(120);
    expect(oneLine(long)).toBe(long);
    expect(oneLine(`Made by Space Inc. in 2002 for ${'x'.repeat(80)}. Then more.`)).toMatch(
      /^Made by Space Inc\. in 2002/,
    );
  });
});

describe('landscapeFacts', () => {
  it('lists the industry’s facts newest first, each with its source', () => {
    const facts = landscapeFacts({
      sources: data.sources,
      landscape: [
        { text: 'An older one.', date: '2024-12', source: 'src-b' },
        { text: 'The newest.', date: '2025-05-02', source: 'src-a' },
        { text: 'In between.', date: '2025-01', source: 'src-b' },
      ],
    });
    expect(facts.map((f) => f.text)).toEqual(['The newest.', 'In between.', 'An older one.']);
    expect(facts[0]?.source?.url).toBe('https://news.example/a');
  });
});

describe('repeats', () => {
  it('is true for the same words, whatever their case and punctuation', () => {
    const s = 'Sam Altman explored a deal with Stoke Space; the talks have ended.';
    expect(repeats(s, s)).toBe(true);
    expect(repeats('sam altman explored a deal with stoke space, talks ended', s)).toBe(true);
  });

  it('is false for a fact that says something else about the same entity', () => {
    const s = 'Sam Altman explored a deal with Stoke Space; the talks have ended.';
    expect(repeats('Raised a Series C led by Sam Altman.', s)).toBe(false);
    expect(repeats('Founded by ex-Blue Origin engineers.', s)).toBe(false);
    expect(repeats('a an to', s)).toBe(false);
    // Short words are in every sentence: only the longer ones can make a repeat.
    expect(repeats('It is in the Navy', 'It is in the news')).toBe(false);
  });
});

describe('withMention: the “matched” note', () => {
  const matched = (id: string, text: string, via: 'exact' | 'variant' | 'fuzzy' | 'context') =>
    withMention(model(id), { text, via }).matched;

  it('is shown for a misspelling or a variant the entity does not spell so', () => {
    expect(matched('openai', 'OpenAl', 'fuzzy')).toBe('OpenAl');
    expect(matched('openai', 'Open-AI', 'variant')).toBe('Open-AI');
    expect(matched('spacex', 'Space-X', 'variant')).toBe('Space-X');
  });

  it('shows the name as one line, however the page broke it', () => {
    expect(matched('openai', 'Open\n   Al', 'fuzzy')).toBe('Open Al');
  });

  it('is not shown for the entity’s own spellings in full-width letters', () => {
    expect(matched('spacex', 'ＳｐａｃｅＸ', 'variant')).toBeUndefined();
  });

  it('is not shown for the entity’s own spellings, in another case or spacing', () => {
    expect(matched('spacex', 'SpaceX', 'exact')).toBeUndefined();
    expect(matched('spacex', 'SPACEX', 'exact')).toBeUndefined();
    expect(matched('spacex', 'Space\nX', 'variant')).toBeUndefined();
    expect(matched('stoke-space', 'Stoke', 'context')).toBeUndefined();
    expect(matched('stoke-space', 'Stoke\n Space', 'variant')).toBeUndefined();
  });

  it('holds for the bundled names: a surname is no variant, a misspelling is', () => {
    const real = (id: string) => cardModel(dataset, id) as CardModel;
    expect(
      withMention(real('elon-musk'), { text: 'Musk', via: 'context' }).matched,
    ).toBeUndefined();
    expect(
      withMention(real('sam-altman'), { text: 'Altman', via: 'context' }).matched,
    ).toBeUndefined();
    expect(withMention(real('spacex'), { text: 'SpaceX', via: 'exact' }).matched).toBeUndefined();
    expect(withMention(real('neuralink'), { text: 'Nueralink', via: 'fuzzy' }).matched).toBe(
      'Nueralink',
    );
    expect(withMention(real('spacex'), { text: 'Space-X', via: 'variant' }).matched).toBe(
      'Space-X',
    );
  });
});
