/** A dataset of a few names, small enough that each stage's tests can say exactly what they expect. */
import type { MatchData } from '../../core/match-data.ts';

export const TINY: MatchData = {
  entities: [
    {
      id: 'stoke-space',
      kind: 'company',
      highlight: true,
      aliases: [
        { text: 'Stoke Space', fuzzy: true },
        { text: 'Stoke', ambiguous: true },
      ],
      context: ['rocket', 'launch pad'],
      antiContext: ['fire'],
      notMentions: ['Stoke City'],
      related: ['elon-musk'],
    },
    {
      id: 'elon-musk',
      kind: 'person',
      highlight: true,
      aliases: [
        { text: 'Elon Musk', fuzzy: true },
        { text: 'Musk', ambiguous: true, caseSensitive: true },
        { text: 'Elon', ambiguous: true, caseSensitive: true },
      ],
      notMentions: ['musk ox'],
    },
    {
      id: 'x-twitter',
      kind: 'company',
      highlight: true,
      aliases: [
        { text: 'X', ambiguous: true, caseSensitive: true },
        { text: 'X.com', antiContext: ['bank'] },
        { text: 'Twitter', caseSensitive: true, lowerCaseWithContext: true },
      ],
      platform: true,
      context: ['posted', 'facebook'],
      notMentions: ['Model X'],
      cues: ['banned from X'],
    },
    {
      id: 'neuralink',
      kind: 'company',
      highlight: true,
      aliases: [{ text: 'Neuralink', fuzzy: true }],
    },
    { id: 'spacex', kind: 'company', highlight: true, aliases: [{ text: 'SpaceX', fuzzy: true }] },
    {
      id: 'openai',
      kind: 'company',
      highlight: true,
      aliases: [{ text: 'OpenAI', fuzzy: true }, { text: 'Open AI' }, { text: 'Open A.I.' }],
    },
    { id: 'google', kind: 'company', highlight: false, aliases: [{ text: 'Google' }] },
  ],
};
