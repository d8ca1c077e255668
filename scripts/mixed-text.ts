/**
 * Deterministic mixed text for benchmarks: English prose about technology and other things,
 * with mentions in many spellings, hard negatives, Japanese, and invisible characters.
 */

/** A small seeded PRNG (mulberry32), so every run measures the same text. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Common English words and the vocabulary of tech news, with no name of ours among them. */
export const FILLER_WORDS = `the of and to in a is that for it as was with be by on not he this are
or his from at which but have an they you were her she there one all we their been has when who will
more no if out so said what up its about into than them can only other new some could time these two
may then do first any my now such like our over even most made after also did many before must
through back years where much your way well down should because each just those people how too little
state good very make world still own see work long here get both between life being under never day
same another know while last might great old year off come since against go came right used take
three system market shares investors quarter revenue growth model launch orbit rocket engine
satellite chip data center research policy court ruling open space stock story`.split(/\s+/);

// With words that look like the start of a name or hold an "x" (the matcher's seeds).
const filler = [
  ...FILLER_WORDS,
  ...'must music same samples alternative almost next text index sixty tax mixture box'.split(' '),
];

const mentions = [
  'SpaceX',
  'OpenAI',
  'Stoke Space',
  'Neuralink',
  'Sam Altman',
  'Elon Musk',
  'xAI',
  'Space-X',
  'Open AI',
  'Nueralink',
  'SPACEX',
  'Musk',
  'Altman',
  'X (formerly Twitter)',
  'Space Exploration Technologies Corp.',
  'スペースX',
  'Neura\u200blink',
];
const negatives = [
  'OpenAPI',
  'OpenAL',
  'Stoke City',
  'stoke the fire',
  'musk ox',
  'Kevin Spacey',
  'MySpace',
  'Starlink',
  'Neuralynx',
  'Sam Altmann',
  'space X-ray',
  'Tesla Model X',
  'XAI methods',
];

/** About `bytes` characters of mixed text. */
export function mixedText(bytes: number, seed = 1): string {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const words: string[] = [];
    const n = 40 + Math.floor(rand() * 80);
    for (let i = 0; i < n; i++) {
      const r = rand();
      if (r < 0.004) words.push(pick(mentions));
      else if (r < 0.006) words.push(pick(negatives));
      else words.push(pick(filler));
    }
    if (rand() < 0.03) words.push('マスクを着用した人々が東京の街を歩いた。');
    const paragraph = `${words.join(' ')}.\n`;
    parts.push(paragraph);
    size += paragraph.length;
  }
  return parts.join('');
}
