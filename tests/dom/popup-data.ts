import type { MapData } from '../../components/RivalryMap';
import type { EntityCount, PageSummary } from '../../extension/messages';

/** A small dataset in the shape of `data/rivalry.json`, for the popup's tests. */
export const data: MapData = {
  fronts: [
    { id: 'ai', name: 'AI' },
    { id: 'space', name: 'Space' },
    { id: 'bci', name: 'BCI' },
    { id: 'social', name: 'Social' },
  ],
  entities: [
    {
      id: 'elon-musk',
      name: 'Elon Musk',
      highlight: true,
      fronts: [
        { front: 'ai', rivals: ['sam-altman', 'openai'] },
        { front: 'space', rivals: ['sam-altman'] },
      ],
    },
    { id: 'openai', name: 'OpenAI', highlight: true, fronts: [{ front: 'ai', rivals: ['xai'] }] },
    { id: 'xai', name: 'xAI', highlight: true, fronts: [{ front: 'ai', rivals: ['openai'] }] },
    {
      id: 'sam-altman',
      name: 'Sam Altman',
      highlight: true,
      fronts: [{ front: 'ai', rivals: ['elon-musk'] }],
    },
    {
      id: 'spacex',
      name: 'SpaceX',
      highlight: true,
      fronts: [{ front: 'space', rivals: ['stoke-space'] }],
    },
    {
      id: 'stoke-space',
      name: 'Stoke Space',
      highlight: true,
      fronts: [{ front: 'space', rivals: ['spacex'] }],
    },
    { id: 'google', name: 'Google', highlight: false, fronts: [] },
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
