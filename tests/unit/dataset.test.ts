/**
 * The bundled dataset: it validates, every fact is dated and sourced with an address a reader can
 * open, rivalries read the same from both sides, a card can open for every entity and shows facts
 * its front summaries do not already say, a bad edit fails with a message naming the entity and
 * the field, and every claim of the source article (as written in our own words in
 * `source-claims.ts`) is carried by the facts and fronts it names.
 */
import { describe, expect, it } from 'vitest';
import { aliasKey } from '../../core/alias-key.ts';
import { cardModel, repeats } from '../../core/card-model.ts';
import type { Dataset, Fact } from '../../core/dataset.ts';
import { loadDataset, REQUIRED_HIGHLIGHTED, validateDataset } from '../../core/validate-dataset.ts';
import raw from '../../data/rivalry.json';
import { SOURCE_CLAIMS } from './source-claims.ts';

/** The news analysis the dataset started from (its date is inferred from its content). */
const ANALYSIS_ID = 'analysis-altman-musk-2025-12';

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

function source(data: Dataset, id: string) {
  const found = data.sources.find((s) => s.id === id);
  if (!found) throw new Error(`no source ${id} in the dataset`);
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
    expect(data.version).toBeGreaterThanOrEqual(2);
    expect(data.asOf >= '2026-01-01').toBe(true);
    expect(data.fronts.map((f) => f.id).sort()).toEqual(['ai', 'bci', 'social', 'space']);
    expect(data.entities.filter((e) => e.highlight).map((e) => e.id)).toEqual([
      ...REQUIRED_HIGHLIGHTED,
    ]);
    for (const id of [
      'google',
      'meta',
      'nvidia',
      'amazon',
      'tesla',
      'merge-labs',
      'reddit',
      'alexis-ohanian',
    ]) {
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
    expect(data.sources.find((s) => s.id === ANALYSIS_ID)).toMatchObject({
      date: '2025-12-05',
      dateInferred: true,
    });
  });

  it('cites every source by outlet, headline and an http(s) address', () => {
    const data = valid();
    for (const source of data.sources) {
      expect(source.publisher.trim(), source.id).not.toBe('');
      expect(source.title.trim(), source.id).not.toBe('');
      expect(source.url, source.id).toMatch(/^https?:\/\/[^/\s]+\.[^/\s]+/);
      expect(source.date <= data.asOf, source.id).toBe(true);
    }
    // Only the source article has no stated date.
    expect(data.sources.filter((s) => s.dateInferred).map((s) => s.id)).toEqual([ANALYSIS_ID]);
  });

  it('pins every Wikipedia citation to the revision it was read in', () => {
    // A revision id (oldid) or the history page that lists exactly the one revision in force at
    // the end of the day read: an article address alone shows whatever the page says today.
    const pinned =
      /^https:\/\/en\.wikipedia\.org\/w\/index\.php\?(?:oldid=\d+|title=[^&]+&action=history&offset=(\d{8})000000&limit=1)$/;
    const wikipedia = valid().sources.filter((s) => /wikipedia\.org/.test(s.url));
    expect(wikipedia.length).toBeGreaterThan(0);
    for (const source of wikipedia) {
      const match = source.url.match(pinned);
      expect(match, source.id).not.toBeNull();
      const offset = match?.[1];
      // The offset is the day after the one read: the history lists revisions older than it.
      if (offset) {
        const read = new Date(`${source.date}T00:00:00Z`);
        read.setUTCDate(read.getUTCDate() + 1);
        expect(offset, source.id).toBe(read.toISOString().slice(0, 10).replaceAll('-', ''));
      }
    }
  });

  it('never calls a citation "seed"', () => {
    for (const source of valid().sources) {
      expect(`${source.id} ${source.title} ${source.publisher} ${source.url}`).not.toMatch(/seed/i);
    }
  });

  it('reads every rivalry from both sides', () => {
    const data = valid();
    const oneWay: string[] = [];
    for (const e of data.entities) {
      for (const role of e.fronts) {
        for (const rival of role.rivals) {
          const back = entity(data, rival).fronts.find((r) => r.front === role.front);
          if (!back?.rivals.includes(e.id)) oneWay.push(`${e.id} → ${rival} (${role.front})`);
        }
      }
    }
    expect(oneWay).toEqual([]);
  });

  it('gives no fact that only repeats its entity’s front summary', () => {
    const repeated: string[] = [];
    for (const e of valid().entities) {
      for (const fact of e.facts) {
        for (const role of e.fronts) {
          if (repeats(fact.text, role.summary)) repeated.push(`${e.id}: ${fact.text}`);
        }
      }
    }
    expect(repeated).toEqual([]);
  });

  it('opens a card for every entity, highlighted or not, with facts and a cited source', () => {
    const data = valid();
    for (const e of data.entities) {
      const card = cardModel(data, e.id);
      expect(card, e.id).not.toBeNull();
      expect(card?.description, e.id).not.toBe('');
      // Every fact is shown (up to the card's limit): none is hidden as a repeat.
      expect(card?.facts.length, e.id).toBe(Math.min(e.facts.length, 4));
      expect(card?.facts.length, e.id).toBeGreaterThan(0);
      for (const view of [...(card?.facts ?? []), ...(card?.fronts ?? [])]) {
        expect(view.source?.url, e.id).toMatch(/^https?:\/\//);
        expect(view.source?.publisher, e.id).toBeTruthy();
      }
    }
  });

  it('names leaders by real titles, not by a founding role alone', () => {
    for (const e of valid().entities) {
      for (const leader of e.leaders) {
        expect(leader.role, `${e.id}: ${leader.name}`).not.toMatch(
          /^(co-?founder|founder|backer|owner\b.*|investor)$/i,
        );
      }
    }
  });

  it('gives each highlighted entity a front and two to eight facts', () => {
    for (const e of valid().entities.filter((x) => x.highlight)) {
      expect(e.fronts.length, e.id).toBeGreaterThanOrEqual(1);
      expect(e.facts.length, e.id).toBeGreaterThanOrEqual(2);
      expect(e.facts.length, e.id).toBeLessThanOrEqual(8);
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
      "an alias's veto word in capitals",
      (d) => {
        entity(d, 'neuralink').aliases.push({ text: 'Neura-Link', antiContext: ['Cortex'] });
      },
      /^entity "neuralink" › aliases\[\d+\]\.antiContext\[0\]: "Cortex" must be lower case/,
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
        (entity(d, 'spacex').facts[0] as Fact).date = '2099-06';
      },
      /^entity "spacex" › facts\[0\]\.date: 2099-06 is after the dataset's asOf/,
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
      /^source "[a-z0-9-]+" › id: used by 2 sources/,
    ],
    [
      'a bad source URL',
      (d) => {
        source(d, 'wiki-openai').url = 'en.wikipedia.org/wiki/OpenAI';
      },
      /^source "wiki-openai" › url: must be a URL/,
    ],
    [
      'a source without an address',
      (d) => {
        delete (source(d, 'wiki-openai') as Partial<Dataset['sources'][0]>).url;
      },
      /^source "wiki-openai" › url: is missing$/,
    ],
    [
      'a source address that is not http(s)',
      (d) => {
        source(d, 'wiki-openai').url = 'ftp://en.wikipedia.org/wiki/OpenAI';
      },
      /^source "wiki-openai" › url: must be an http\(s\) address$/,
    ],
    [
      'a missing version',
      (d) => {
        delete (d as Partial<Dataset>).version;
      },
      /^version: is missing$/,
    ],
    [
      'a version that is not a positive integer',
      (d) => {
        d.version = 0;
      },
      /^version: must be a positive integer$/,
    ],
    [
      'a source published after the dataset’s as-of date',
      (d) => {
        source(d, 'wiki-openai').date = '2099-01-01';
      },
      /^source "wiki-openai" › date: 2099-01-01 is after the dataset's asOf/,
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

describe('coverage of the source article', () => {
  const data = valid();
  const facts = allFacts(data);

  it.each(SOURCE_CLAIMS)('$claim', ({ facts: factRefs, fronts = [] }) => {
    expect(factRefs.length + fronts.length).toBeGreaterThan(0);
    for (const ref of factRefs) {
      const at = `${ref.owner}: ${ref.says.join(' ')}`;
      if (ref.owner !== 'landscape')
        expect(
          data.entities.map((e) => e.id),
          at,
        ).toContain(ref.owner);
      const covering = facts.filter(
        (f) =>
          f.owner === ref.owner &&
          (ref.date === undefined || f.fact.date.startsWith(ref.date)) &&
          ref.says.every((re) => re.test(f.fact.text)),
      );
      expect(covering.length, at).toBeGreaterThan(0);
    }
    for (const ref of fronts) {
      const at = `${ref.entity} › ${ref.front}`;
      expect(
        data.fronts.map((f) => f.id),
        at,
      ).toContain(ref.front);
      const role = entity(data, ref.entity).fronts.find((r) => r.front === ref.front);
      expect(role, at).toBeDefined();
      for (const re of ref.says ?? []) expect(role?.summary, at).toMatch(re);
    }
  });
});
