import type { Dataset, FrontId } from '../../core/dataset';
import { dataset } from '../../core/rivalry-data';
import type { EntityCount, PageSummary } from '../../extension/messages';

type Entity = Dataset['entities'][number];

/** An entity with only what the popup's tests look at; the rest filled in plainly. */
function entity(
  id: string,
  name: string,
  highlight: boolean,
  fronts: { front: FrontId; rivals: string[] }[],
): Entity {
  return {
    id,
    name,
    kind: 'company',
    highlight,
    description: `${name}, in one line.`,
    leaders: [],
    aliases: [{ text: name }],
    fronts: fronts.map((f) => ({
      ...f,
      summary: `${name} on ${f.front}.`,
      asOf: '2025-06-01',
      source: 'src-a',
    })),
    facts: [{ text: `A fact about ${name}.`, date: '2025-05-01', source: 'src-a' }],
  };
}

/**
 * A small dataset in the shape of `data/rivalry.json`, for the popup's tests: every field its
 * own but what the popup never shows (the file's version, say), which is the bundled file's.
 */
export const data: Dataset = {
  ...dataset,
  asOf: '2025-06-01',
  fronts: [
    { id: 'ai', name: 'AI', description: 'AI.' },
    { id: 'space', name: 'Space', description: 'Space.' },
    { id: 'bci', name: 'BCI', description: 'BCI.' },
    { id: 'social', name: 'Social', description: 'Social.' },
  ],
  sources: [
    {
      id: 'src-a',
      title: 'A headline about the rivalry',
      publisher: 'Example News',
      date: '2025-06-01',
      url: 'https://news.example/a',
    },
    {
      id: 'src-b',
      title: 'Chips and more chips',
      publisher: 'Chip Weekly',
      date: '2025-05-20',
      dateInferred: true,
      url: 'https://chips.example/b',
    },
  ],
  landscape: [
    {
      text: 'Hypersonic start-ups multiply.',
      date: '2025-04-01',
      asOf: true,
      source: 'src-a',
    },
    { text: 'AI chips are scarce.', date: '2025-05-20', asOf: true, source: 'src-b' },
  ],
  entities: [
    entity('elon-musk', 'Elon Musk', true, [
      { front: 'ai', rivals: ['sam-altman', 'openai'] },
      { front: 'space', rivals: ['sam-altman'] },
    ]),
    entity('openai', 'OpenAI', true, [{ front: 'ai', rivals: ['xai'] }]),
    entity('xai', 'xAI', true, [{ front: 'ai', rivals: ['openai'] }]),
    entity('sam-altman', 'Sam Altman', true, [{ front: 'ai', rivals: ['elon-musk'] }]),
    entity('spacex', 'SpaceX', true, [{ front: 'space', rivals: ['stoke-space'] }]),
    entity('stoke-space', 'Stoke Space', true, [{ front: 'space', rivals: ['spacex'] }]),
    entity('google', 'Google', false, []),
  ],
};

/** An entity's count with its first mention's words around `name`. */
export function counted(
  entity: string,
  count: number,
  before: string,
  name: string,
  after: string,
): EntityCount {
  return { entity, count, firstContext: before + name + after, snippet: { before, name, after } };
}

export function summary(partial: Partial<PageSummary> = {}): PageSummary {
  return {
    state: 'ready',
    host: 'www.example.com',
    total: 9,
    entities: [
      counted('openai', 2, '…a deal that ', 'OpenAI', ' signed…'),
      counted('elon-musk', 4, '…said ', 'Elon Musk', ' on Tuesday…'),
      counted('stoke-space', 3, '…Altman explored a deal with ', 'Stoke Space', '…'),
    ],
    ...partial,
  };
}
