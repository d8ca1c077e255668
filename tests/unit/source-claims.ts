/**
 * The claims of the news analysis the dataset started from (source
 * `analysis-altman-musk-2025-12`), each in our own words, with the dataset facts and fronts that
 * carry it. The article itself stays outside the repository; `dataset.test.ts` checks that every
 * claim is carried, hedge included where the article hedged.
 */
import type { FrontId } from '../../core/dataset.ts';

/** A fact of `owner` (an entity id, or `landscape`) whose text matches every pattern of `says`. */
export interface FactRef {
  owner: string;
  /** The fact's date starts with this. */
  date?: string;
  says: RegExp[];
}

/** The front role `front` of entity `entity`, whose summary matches every pattern of `says`. */
export interface FrontRef {
  entity: string;
  front: FrontId;
  says?: RegExp[];
}

export interface SourceClaim {
  claim: string;
  facts: FactRef[];
  fronts?: FrontRef[];
}

/** One wording of the Stoke Space talks everywhere, with the party the article names. */
const STOKE_TALKS = /Sam Altman held exploratory talks about a possible deal with Stoke Space/;
const TALKS_OVER = /the talks are no longer active/;

export const SOURCE_CLAIMS: SourceClaim[] = [
  {
    claim: 'Altman held exploratory talks about a possible deal with the rocket maker Stoke Space',
    facts: [
      { owner: 'stoke-space', says: [STOKE_TALKS, TALKS_OVER] },
      { owner: 'sam-altman', says: [/exploratory talks about a possible deal with Stoke Space/] },
    ],
    fronts: [
      { entity: 'openai', front: 'space', says: [STOKE_TALKS, TALKS_OVER] },
      { entity: 'spacex', front: 'space', says: [/Stoke Space/, /Sam Altman/] },
      { entity: 'elon-musk', front: 'space', says: [/Stoke Space/, /Sam Altman/] },
      { entity: 'sam-altman', front: 'space', says: [/Stoke Space/] },
    ],
  },
  {
    claim: 'the talks are no longer active',
    facts: [
      { owner: 'stoke-space', says: [TALKS_OVER] },
      { owner: 'sam-altman', says: [TALKS_OVER] },
    ],
  },
  {
    claim: 'the reason given was the long-term possibility of data centres in space',
    facts: [
      { owner: 'stoke-space', says: [/data centres in space/] },
      { owner: 'sam-altman', says: [/data centres in space/] },
    ],
    fronts: [{ entity: 'openai', front: 'space', says: [/data centres in space/] }],
  },
  {
    claim:
      'Stoke Space is one of a handful of firms developing fully reusable rockets, a challenge to SpaceX',
    facts: [],
    fronts: [
      { entity: 'stoke-space', front: 'space', says: [/handful/, /fully reusable/, /SpaceX/] },
      { entity: 'spacex', front: 'space', says: [/fully reusable/] },
    ],
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
    // Reported by the article; confirmed a week later by a company message seen by Bloomberg.
    claim: 'SpaceX was reported to be planning a share sale that could value it at $800 billion',
    facts: [{ owner: 'spacex', says: [/share sale/, /\$800 billion/] }],
  },
  {
    claim: 'a SpaceX stock-market listing could follow in 2026',
    facts: [{ owner: 'spacex', says: [/IPO in 2026/] }],
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
    claim: 'Musk left the OpenAI board in 2018, citing potential conflicts with AI work at Tesla',
    facts: [
      { owner: 'elon-musk', date: '2018', says: [/board/, /potential conflicts/, /Tesla/] },
      { owner: 'tesla', date: '2018', says: [/potential conflict/] },
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
    claim: 'Altman invested in a brain–computer interface start-up this year, facing Neuralink',
    facts: [
      { owner: 'sam-altman', date: '2025', says: [/brain–computer interface/, /Neuralink/] },
      { owner: 'neuralink', date: '2025', says: [/Sam Altman/, /brain–computer interface/] },
    ],
    fronts: [{ entity: 'neuralink', front: 'bci' }],
  },
  {
    claim: 'OpenAI is reported to be developing a social network that would compete with X',
    facts: [],
    fronts: [
      { entity: 'openai', front: 'social', says: [/reported/, /social network/, /X/] },
      { entity: 'x-twitter', front: 'social', says: [/reported/, /social network/] },
    ],
  },
  {
    claim: 'X, once Twitter, was bought by Musk',
    facts: [{ owner: 'x-twitter', says: [/Elon Musk/, /\$44 billion/] }],
  },
  {
    claim: 'OpenAI is said to be in a "Code Red", reportedly centred on GPT-5.2, to answer Google',
    facts: [
      { owner: 'openai', says: [/Said to be/, /Code Red/, /reportedly/, /GPT-5\.2/, /Google/] },
    ],
  },
  {
    claim: 'Alexis Ohanian said the Code Red suggested Google had been roused into action',
    facts: [{ owner: 'alexis-ohanian', says: [/Code Red/, /suggested/, /Google/] }],
  },
  {
    claim:
      'Meta is reported to be scaling back the metaverse after losing about $77 billion since 2020',
    facts: [{ owner: 'meta', says: [/Reported/, /metaverse/, /\$77 billion/, /2020/] }],
  },
  {
    claim: 'Google and Amazon design their own AI chips, a challenge to Nvidia',
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
