/**
 * The bundled dataset: it validates, every fact is dated and sourced, a bad edit fails with a
 * message naming the entity and the field, every claim of the seed article is covered, and the
 * wording is our own (no run of eight words copied from the article).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aliasKey } from '../../core/alias-key.ts';
import type { Dataset, Fact } from '../../core/dataset.ts';
import { loadDataset, REQUIRED_HIGHLIGHTED, validateDataset } from '../../core/validate-dataset.ts';
import raw from '../../data/rivalry.json';

const SEED_ID = 'seed-analysis-2025-12';
const SEED_FILE = new URL('../../../shared/seed/000_87d8e8adcbeda2f4.txt', import.meta.url);

function valid(): Dataset {
  const result = validateDataset(raw);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.dataset;
}

/** A deep copy of the raw JSON, to break. */
function copy(): Dataset {
  return structuredClone(raw) as Dataset;
}

function entity(data: Dataset, id: string) {
  const found = data.entities.find((e) => e.id === id);
  if (!found) throw new Error(`no entity ${id} in the dataset`);
  return found;
}

/** Every fact with the entity it belongs to (`landscape` for the wider-industry facts). */
function allFacts(data: Dataset): { owner: string; fact: Fact }[] {
  return [
    ...data.entities.flatMap((e) => e.facts.map((fact) => ({ owner: e.id, fact }))),
    ...(data.landscape ?? []).map((fact) => ({ owner: 'landscape', fact })),
  ];
}

describe('data/rivalry.json', () => {
  it('validates', () => {
    const result = validateDataset(raw);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(loadDataset().entities.length).toBe(raw.entities.length);
  });

  it('describes the four fronts and the eight highlighted entities', () => {
    const data = valid();
    expect(data.asOf).toBe('2025-12-05');
    expect(data.fronts.map((f) => f.id).sort()).toEqual(['ai', 'bci', 'social', 'space']);
    expect(data.entities.filter((e) => e.highlight).map((e) => e.id)).toEqual([
      ...REQUIRED_HIGHLIGHTED,
    ]);
    for (const id of ['google', 'meta', 'nvidia', 'amazon', 'tesla', 'merge-labs']) {
      expect(entity(data, id).highlight).toBe(false);
    }
  });

  it('dates and sources every fact and every front', () => {
    const data = valid();
    const sources = new Set(data.sources.map((s) => s.id));
    const date = /^\d{4}(-\d{2}(-\d{2})?)?$/;
    for (const { owner, fact } of allFacts(data)) {
      expect(fact.date, `${owner}: ${fact.text}`).toMatch(date);
      expect(fact.date <= data.asOf, `${owner}: ${fact.text}`).toBe(true);
      expect(sources.has(fact.source), `${owner}: ${fact.text}`).toBe(true);
    }
    for (const e of data.entities) {
      for (const role of e.fronts) {
        expect(sources.has(role.source), `${e.id} › ${role.front}`).toBe(true);
        expect(role.asOf, `${e.id} › ${role.front}`).toMatch(date);
      }
    }
    expect(data.sources.find((s) => s.id === SEED_ID)).toMatchObject({
      date: '2025-12-05',
      publisher: 'News analysis (seed article)',
    });
  });

  it('gives each highlighted entity a front and two to six facts', () => {
    for (const e of valid().entities.filter((x) => x.highlight)) {
      expect(e.fronts.length, e.id).toBeGreaterThanOrEqual(1);
      expect(e.facts.length, e.id).toBeGreaterThanOrEqual(2);
      expect(e.facts.length, e.id).toBeLessThanOrEqual(6);
    }
  });

  it('keeps aliases unique across entities and context words in lower case', () => {
    const owner = new Map<string, string>();
    for (const e of valid().entities) {
      for (const alias of e.aliases) {
        const key = aliasKey(alias.text);
        expect(owner.get(key) ?? e.id, `"${alias.text}"`).toBe(e.id);
        owner.set(key, e.id);
      }
      for (const word of e.context ?? []) expect(word).toBe(word.toLowerCase());
    }
  });

  it('marks the short names that need context', () => {
    const data = valid();
    const flags = (id: string, text: string) =>
      entity(data, id).aliases.find((a) => a.text === text);
    expect(flags('stoke-space', 'Stoke')).toMatchObject({ ambiguous: true, caseSensitive: true });
    expect(flags('elon-musk', 'Musk')).toMatchObject({ ambiguous: true, caseSensitive: true });
    expect(flags('sam-altman', 'Altman')).toMatchObject({ ambiguous: true, caseSensitive: true });
    expect(flags('x-twitter', 'X')).toMatchObject({ ambiguous: true, caseSensitive: true });
    expect(flags('xai', 'XAI')).toMatchObject({ ambiguous: true, caseSensitive: true });
    expect(flags('openai', 'OpenAl')).toMatchObject({ caseSensitive: true });
  });
});

describe('validateDataset rejects a bad edit, naming the entity and the field', () => {
  const cases: [string, (d: Dataset) => void, RegExp][] = [
    [
      'a duplicate entity id',
      (d) => {
        entity(d, 'neuralink').id = 'spacex';
      },
      /^entity "spacex" › id: used by 2 entities/,
    ],
    [
      'an alias shared by two entities',
      (d) => {
        entity(d, 'neuralink').aliases.push({ text: 'Space-X' });
      },
      /^entity "neuralink" › aliases\[\d+\]\.text: "Space-X" is also an alias of entity "spacex"/,
    ],
    [
      'an unknown rival',
      (d) => {
        (entity(d, 'stoke-space').fronts[0] as Dataset['entities'][0]['fronts'][0]).rivals = [
          'blue-origin',
        ];
      },
      /^entity "stoke-space" › fronts\[0\]\.rivals\[0\]: no entity "blue-origin"/,
    ],
    [
      'a front without rivals',
      (d) => {
        (entity(d, 'stoke-space').fronts[0] as Dataset['entities'][0]['fronts'][0]).rivals = [];
      },
      /^entity "stoke-space" › fronts\[0\]\.rivals: must name at least one rival$/,
    ],
    [
      'an unknown source',
      (d) => {
        (entity(d, 'neuralink').facts[0] as Fact).source = 'nowhere';
      },
      /^entity "neuralink" › facts\[0\]\.source: no source "nowhere"/,
    ],
    [
      'a missing date',
      (d) => {
        delete (entity(d, 'sam-altman').facts[1] as Partial<Fact>).date;
      },
      /^entity "sam-altman" › facts\[1\]\.date: is missing$/,
    ],
    [
      'a date in another format',
      (d) => {
        (entity(d, 'sam-altman').facts[1] as Fact).date = 'Nov 2023';
      },
      /^entity "sam-altman" › facts\[1\]\.date: must be a date written YYYY/,
    ],
    [
      'a date after the dataset’s as-of date',
      (d) => {
        (entity(d, 'spacex').facts[0] as Fact).date = '2026-06';
      },
      /^entity "spacex" › facts\[0\]\.date: 2026-06 is after the dataset's asOf/,
    ],
    [
      'an empty description',
      (d) => {
        entity(d, 'xai').description = '';
      },
      /^entity "xai" › description: must not be empty$/,
    ],
    [
      'a misspelt field',
      (d) => {
        Object.assign(entity(d, 'openai'), { aliasses: [] });
      },
      /^entity "openai" › aliasses: is not a field of the schema/,
    ],
    [
      'an unknown kind',
      (d) => {
        Object.assign(entity(d, 'meta'), { kind: 'corporation' });
      },
      /^entity "meta" › kind: must be one of/,
    ],
    [
      'an unknown leader entity',
      (d) => {
        (entity(d, 'spacex').leaders[0] as Dataset['entities'][0]['leaders'][0]).entity = 'musk';
      },
      /^entity "spacex" › leaders\[0\]\.entity: no entity "musk"/,
    ],
    [
      'an unknown related entity',
      (d) => {
        entity(d, 'elon-musk').related = ['spacex', 'boring-company'];
      },
      /^entity "elon-musk" › related\[1\]: no entity "boring-company"/,
    ],
    [
      'a highlighted entity with one fact',
      (d) => {
        entity(d, 'xai').facts.splice(1);
      },
      /^entity "xai" › facts: a highlighted entity needs at least 2 facts/,
    ],
    [
      'a duplicate source id',
      (d) => {
        (d.sources[2] as Dataset['sources'][0]).id = d.sources[1]?.id as string;
      },
      /^source "[a-z-]+" › id: used by 2 sources/,
    ],
    [
      'a bad source URL',
      (d) => {
        (d.sources[1] as Dataset['sources'][0]).url = 'en.wikipedia.org/wiki/OpenAI';
      },
      /^source "wiki-openai" › url: must be a URL/,
    ],
    [
      'a landscape fact with an unknown source',
      (d) => {
        (d.landscape?.[0] as Fact).source = 'nowhere';
      },
      /^landscape\[0\]\.source: no source "nowhere"/,
    ],
    [
      'a required entity removed',
      (d) => {
        d.entities = d.entities.filter((e) => e.id !== 'xai');
        for (const e of d.entities) {
          e.related = e.related?.filter((r) => r !== 'xai');
          for (const role of e.fronts) role.rivals = role.rivals.filter((r) => r !== 'xai');
        }
      },
      /^entities: the required entity "xai" is missing$/,
    ],
  ];

  it.each(cases)('%s', (_, breakIt, message) => {
    const data = copy();
    breakIt(data);
    const result = validateDataset(data);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors, errors.join('\n')).toContainEqual(expect.stringMatching(message));
  });

  it('reports every problem at once, and loadDataset throws with all of them', () => {
    const data = copy();
    (entity(data, 'stoke-space').fronts[0] as Dataset['entities'][0]['fronts'][0]).rivals = [
      'blue-origin',
    ];
    (entity(data, 'neuralink').facts[0] as Fact).source = 'nowhere';
    const result = validateDataset(data);
    expect(result.ok ? [] : result.errors).toHaveLength(2);
    expect(() => loadDataset(data)).toThrow(/blue-origin[\s\S]*nowhere/);
  });
});

describe('coverage of the seed article', () => {
  /** A claim of the article, and what a fact covering it says. */
  const claims: { claim: string; owner?: string; date?: string; says: RegExp[] }[] = [
    {
      claim: 'Altman explored a deal with Stoke Space',
      owner: 'sam-altman',
      says: [/Stoke Space/, /deal/, /ended/],
    },
    {
      claim: 'OpenAI and Stoke Space talks ended',
      owner: 'openai',
      says: [/Stoke Space/, /no longer active/],
    },
    {
      claim: 'the stated reason: data centres in space',
      says: [/Stoke Space/, /data centres/, /space|orbit/],
    },
    {
      claim: 'Stoke Space builds fully reusable rockets against SpaceX',
      owner: 'stoke-space',
      says: [/every stage can fly again|fully reusable/, /SpaceX/],
    },
    {
      claim: 'SpaceX share sale at about $800 billion',
      owner: 'spacex',
      says: [/share sale/, /\$800 billion/],
    },
    { claim: 'SpaceX IPO as soon as 2026', owner: 'spacex', says: [/IPO/, /2026/] },
    {
      claim: 'Altman invested in a BCI start-up in 2025, against Neuralink',
      owner: 'sam-altman',
      date: '2025',
      says: [/brain–computer interface/, /Neuralink/],
    },
    {
      claim: 'OpenAI reported social network against X',
      owner: 'openai',
      says: [/social network/, /\bX\b/],
    },
    {
      claim: 'X, formerly Twitter, acquired by Musk',
      owner: 'x-twitter',
      says: [/Elon Musk/, /\$44 billion/],
    },
    {
      claim: 'OpenAI co-founded in 2015 by Altman and Musk as a non-profit lab',
      owner: 'openai',
      date: '2015',
      says: [/non-profit/, /lab/, /Sam Altman/, /Elon Musk/],
    },
    {
      claim: 'Musk left the board in 2018, citing a conflict of interest with Tesla AI',
      owner: 'elon-musk',
      date: '2018',
      says: [/board/, /conflict of interest/, /Tesla/],
    },
    {
      claim: 'OpenAI restructured into a capped-profit entity',
      owner: 'openai',
      says: [/capped-profit/],
    },
    { claim: 'Musk launched xAI', owner: 'xai', says: [/Elon Musk/, /2023/] },
    {
      claim: 'OpenAI Code Red on GPT-5.2 against Google',
      owner: 'openai',
      says: [/Code Red/, /GPT-5\.2/, /Google/],
    },
    {
      claim: 'Alexis Ohanian: Google has been roused',
      says: [/Alexis Ohanian/, /Code Red/, /Google/],
    },
    {
      claim: 'Meta scales back the metaverse after about $77 billion of losses since 2020',
      owner: 'meta',
      says: [/metaverse/, /\$77 billion/, /2020/],
    },
    {
      claim: 'Google and Amazon build AI chips, challenging Nvidia',
      owner: 'nvidia',
      says: [/chips/, /Google/, /Amazon/],
    },
    { claim: 'Amazon builds its own AI chips', owner: 'amazon', says: [/AI chips/, /Nvidia/] },
    {
      claim: 'a start-up boom in hypersonic missiles',
      owner: 'landscape',
      says: [/hypersonic missiles/],
    },
  ];

  it.each(claims)('$claim', ({ owner, date, says }) => {
    const covering = allFacts(valid()).filter(
      (f) =>
        (owner === undefined || f.owner === owner) &&
        (date === undefined || f.fact.date.startsWith(date)) &&
        says.every((re) => re.test(f.fact.text)),
    );
    expect(covering.length).toBeGreaterThan(0);
  });
});

describe('wording', () => {
  const RUN = 8;

  /** Words as compared for copying: case, punctuation and apostrophe style ignored. */
  function words(text: string): string[] {
    return (
      text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[’']/g, '')
        .match(/[\p{L}\p{N}]+/gu) ?? []
    );
  }

  function runs(text: string): string[] {
    const w = words(text);
    const out: string[] = [];
    for (let i = 0; i + RUN <= w.length; i++) out.push(w.slice(i, i + RUN).join(' '));
    return out;
  }

  /** Every string value of the dataset, each compared on its own. */
  function strings(value: unknown): string[] {
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.flatMap(strings);
    if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
    return [];
  }

  it(`copies no run of ${RUN} words from the seed article`, () => {
    const seed = new Set(runs(readFileSync(SEED_FILE, 'utf8')));
    expect(seed.size).toBeGreaterThan(500);
    const copied = strings(raw).flatMap((s) =>
      runs(s)
        .filter((r) => seed.has(r))
        .map((r) => `"${r}" in: ${s}`),
    );
    expect(copied).toEqual([]);
  });
});
