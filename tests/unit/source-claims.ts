/**
 * The claims of the seed article (source `seed-analysis-2025-12`), each in our own words, with
 * the dataset facts and fronts that carry it. The article itself stays outside the repository;
 * `dataset.test.ts` checks that every claim is carried.
 */
import type { FrontId } from '../../core/dataset.ts';

/** A fact of `owner` (an entity id, or `landscape`) whose text matches every pattern of `says`. */
export interface FactRef {
  owner: string;
  /** The fact's date starts with this. */
  date?: string;
  says: RegExp[];
}

/** The front role `front` of entity `entity`. */
export interface FrontRef {
  entity: string;
  front: FrontId;
}

export interface SourceClaim {
  claim: string;
  facts: FactRef[];
  fronts?: FrontRef[];
}

export const SOURCE_CLAIMS: SourceClaim[] = [
  {
    claim: 'Altman held early talks about a possible deal with the rocket maker Stoke Space',
    facts: [
      { owner: 'sam-altman', says: [/Stoke Space/, /deal/, /ended/] },
      { owner: 'stoke-space', says: [/Sam Altman/, /talks/] },
    ],
    fronts: [
      { entity: 'sam-altman', front: 'space' },
      { entity: 'stoke-space', front: 'space' },
    ],
  },
  {
    claim: 'OpenAI and Stoke Space are no longer talking',
    facts: [{ owner: 'openai', says: [/Stoke Space/, /no longer active/] }],
  },
  {
    claim: 'the reason given was a long-term plan for computing hardware in orbit',
    facts: [
      { owner: 'openai', says: [/Stoke Space/, /data centres/, /space|orbit/] },
      { owner: 'stoke-space', says: [/data centres/] },
    ],
  },
  {
    claim:
      'Stoke Space is among the few firms after rockets that can be flown again whole, a field SpaceX leads',
    facts: [{ owner: 'stoke-space', says: [/every stage can fly again|fully reusable/, /SpaceX/] }],
    fronts: [{ entity: 'spacex', front: 'space' }],
  },
  {
    claim: 'the two men now compete on several fronts: AI, space, brain implants and social media',
    facts: [],
    fronts: [
      { entity: 'sam-altman', front: 'ai' },
      { entity: 'sam-altman', front: 'space' },
      { entity: 'sam-altman', front: 'bci' },
      { entity: 'sam-altman', front: 'social' },
      { entity: 'elon-musk', front: 'ai' },
      { entity: 'elon-musk', front: 'space' },
      { entity: 'elon-musk', front: 'bci' },
      { entity: 'elon-musk', front: 'social' },
    ],
  },
  {
    claim: 'a planned sale of SpaceX shares would put the company near $800 billion',
    facts: [
      { owner: 'spacex', says: [/share sale/, /\$800 billion/] },
      { owner: 'elon-musk', says: [/SpaceX/, /\$800 billion/] },
    ],
  },
  {
    claim: 'a SpaceX stock-market listing may follow in 2026',
    facts: [{ owner: 'spacex', says: [/IPO/, /2026/] }],
  },
  {
    claim:
      'OpenAI was started in 2015, with Altman and Musk among its founders, as a non-profit lab',
    facts: [
      { owner: 'openai', date: '2015', says: [/non-profit/, /lab/, /Sam Altman/, /Elon Musk/] },
      { owner: 'sam-altman', date: '2015', says: [/OpenAI/, /non-profit/] },
    ],
  },
  {
    claim: 'Musk quit the OpenAI board in 2018 over a clash with AI work at Tesla',
    facts: [
      { owner: 'elon-musk', date: '2018', says: [/board/, /conflict of interest/, /Tesla/] },
      { owner: 'tesla', date: '2018', says: [/conflict of interest/] },
    ],
  },
  {
    claim: 'OpenAI later turned into a capped-profit company',
    facts: [{ owner: 'openai', says: [/capped-profit/] }],
  },
  {
    claim: 'Musk went on to found his own AI company, xAI',
    facts: [{ owner: 'xai', says: [/Elon Musk/, /2023/] }],
    fronts: [{ entity: 'xai', front: 'ai' }],
  },
  {
    claim: 'Altman backed a brain–computer interface start-up this year, squaring up to Neuralink',
    facts: [
      { owner: 'sam-altman', date: '2025', says: [/brain–computer interface/, /Neuralink/] },
      { owner: 'neuralink', date: '2025', says: [/Sam Altman/, /brain–computer interface/] },
    ],
    fronts: [{ entity: 'neuralink', front: 'bci' }],
  },
  {
    claim: 'OpenAI is said to be building a social network that would take on X',
    facts: [
      { owner: 'openai', says: [/social network/, /\bX\b/] },
      { owner: 'x-twitter', says: [/social network/, /OpenAI/] },
    ],
    fronts: [{ entity: 'x-twitter', front: 'social' }],
  },
  {
    claim: 'X, once Twitter, was bought by Musk',
    facts: [{ owner: 'x-twitter', says: [/Elon Musk/, /\$44 billion/] }],
  },
  {
    claim: 'OpenAI called a "Code Red" around GPT-5.2 to answer Google',
    facts: [
      { owner: 'openai', says: [/Code Red/, /GPT-5\.2/, /Google/] },
      { owner: 'google', says: [/Code Red/, /GPT-5\.2/] },
    ],
  },
  {
    claim: 'Alexis Ohanian took the Code Red as a sign that Google had woken up',
    facts: [
      { owner: 'alexis-ohanian', says: [/Code Red/, /Google/] },
      { owner: 'google', says: [/Alexis Ohanian/, /Code Red/] },
    ],
  },
  {
    claim:
      'Meta is pulling back from the metaverse after losing about $77 billion on it since 2020',
    facts: [{ owner: 'meta', says: [/metaverse/, /\$77 billion/, /2020/] }],
  },
  {
    claim: 'Google and Amazon design their own AI chips, a threat to Nvidia',
    facts: [
      { owner: 'nvidia', says: [/chips/, /Google/, /Amazon/] },
      { owner: 'amazon', says: [/AI chips/, /Nvidia/] },
      { owner: 'google', says: [/AI chips/, /Nvidia/] },
    ],
  },
  {
    claim: 'start-ups building hypersonic missiles are booming',
    facts: [{ owner: 'landscape', says: [/hypersonic missiles/] }],
  },
];
