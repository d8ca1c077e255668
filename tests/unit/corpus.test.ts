import { describe, expect, it } from 'vitest';
import { CorpusError, loadCorpus, parseCorpusFile, parseMarkup } from '../corpus/parse-corpus.ts';
import {
  ALL_ENTITIES,
  CORE_ENTITIES,
  prf,
  type Span,
  scoreCorpus,
  scoreMentions,
} from '../corpus/score.ts';

describe('parseMarkup', () => {
  it('replaces labels by their surface text and computes offsets into the result', () => {
    const { text, mentions } = parseMarkup(
      "[[SpaceX|spacex]]'s CEO [[Elon Musk|elon-musk]] posted on [[X|x-twitter]].",
    );
    expect(text).toBe("SpaceX's CEO Elon Musk posted on X.");
    expect(mentions).toEqual([
      { entity: 'spacex', start: 0, end: 6, text: 'SpaceX' },
      { entity: 'elon-musk', start: 13, end: 22, text: 'Elon Musk' },
      { entity: 'x-twitter', start: 33, end: 34, text: 'X' },
    ]);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('counts offsets in UTF-16 code units across line breaks, invisible and astral characters', () => {
    const { text, mentions } = parseMarkup(
      '🚀 [[Stoke\nSpace|stoke-space]] and [[Neura\u00adlink|neuralink]] — [[スペースX|spacex]]',
    );
    expect(mentions.map((m) => [m.start, m.end])).toEqual([
      [3, 14],
      [19, 29],
      [32, 37],
    ]);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('keeps brackets that are not part of a label as text', () => {
    const { text, mentions } = parseMarkup('[[[SpaceX|spacex]]](https://example.com) [1] a|b');
    expect(text).toBe('[SpaceX](https://example.com) [1] a|b');
    expect(mentions).toEqual([{ entity: 'spacex', start: 1, end: 7, text: 'SpaceX' }]);
  });

  it.each([
    ['[[SpaceX|spaceX]]', /unknown entity id “spaceX”/],
    ['[[SpaceX|tesla]] rocks', /unknown entity id “tesla”/],
    ['[[SpaceX|spacex] launched', /without a closing/],
    ['SpaceX|spacex]] launched', /without an opening/],
    ['[[SpaceX]] launched', /without “\|entity-id”/],
    ['[[|spacex]]', /empty surface/],
    ['[[ SpaceX|spacex]]', /starts or ends with a space/],
    ['[[Space [[X|spacex]]|spacex]]', /nested/],
  ])('throws on %j', (markup, message) => {
    expect(() => parseMarkup(markup, 'news.txt news-9')).toThrow(message);
    expect(() => parseMarkup(markup, 'news.txt news-9')).toThrow(/^news\.txt news-9: /);
  });
});

describe('parseCorpusFile', () => {
  it('splits blocks on "---", reads id lines and derives the genre', () => {
    const snippets = parseCorpusFile(
      '# id: x-post-7\n[[OpenAI|openai]] shipped\n\n---\n# id: news-3\n#SpaceX is a hashtag, not a comment\n---\n\nno id here\n---\n',
      'sample.txt',
    );
    expect(snippets.map((s) => [s.id, s.genre, s.file, s.text])).toEqual([
      ['x-post-7', 'x-post', 'sample.txt', 'OpenAI shipped'],
      ['news-3', 'news', 'sample.txt', '#SpaceX is a hashtag, not a comment'],
      ['sample-3', 'sample', 'sample.txt', 'no id here'],
    ]);
  });

  it('reads CRLF as LF and drops a byte-order mark', () => {
    const [snippet] = parseCorpusFile(
      '\uFEFF# id: wiki-1\r\n[[Stoke\r\nSpace|stoke-space]]\r\n',
      'w.txt',
    );
    expect(snippet?.text).toBe('Stoke\nSpace');
    expect(snippet?.mentions[0]).toMatchObject({ start: 0, end: 11 });
  });

  it('names the file and the snippet when the markup is malformed', () => {
    expect(() =>
      parseCorpusFile('# id: news-1\nfine\n---\n# id: news-2\n[[Musk|musk]]', 'news.txt'),
    ).toThrow(CorpusError);
    expect(() =>
      parseCorpusFile('# id: news-1\nfine\n---\n# id: news-2\n[[Musk|musk]]', 'news.txt'),
    ).toThrow(/news\.txt news-2: unknown entity id “musk”/);
  });
});

const span = (entity: string, start: number, end: number): Span => ({ entity, start, end });

describe('scoreMentions', () => {
  it('counts exact matches as true positives, everything else as errors', () => {
    const gold = [span('spacex', 0, 6), span('elon-musk', 13, 22)];
    const predicted = [span('spacex', 0, 6), span('elon-musk', 18, 22), span('openai', 30, 36)];
    const result = scoreMentions(gold, predicted);
    expect(result.matched).toEqual([{ gold: gold[0], predicted: predicted[0] }]);
    expect(result.falsePositives).toEqual([predicted[1], predicted[2]]);
    expect(result.falseNegatives).toEqual([gold[1]]);
  });

  it('requires the entity to match as well as the offsets', () => {
    const result = scoreMentions([span('x-twitter', 5, 6)], [span('xai', 5, 6)]);
    expect(result.matched).toEqual([]);
    expect(result.falsePositives).toHaveLength(1);
    expect(result.falseNegatives).toHaveLength(1);
  });

  it('in lenient mode accepts any overlap, but pairs each mention at most once', () => {
    const gold = [span('elon-musk', 10, 19), span('spacex', 30, 36)];
    const predicted = [
      span('elon-musk', 15, 19),
      span('elon-musk', 10, 14),
      span('spacex', 28, 40),
    ];
    const result = scoreMentions(gold, predicted, 'overlap');
    expect(result.matched.map((m) => m.predicted)).toEqual([predicted[0], predicted[2]]);
    expect(result.falsePositives).toEqual([predicted[1]]);
    expect(result.falseNegatives).toEqual([]);
  });

  it('pairs the largest overlap first in lenient mode', () => {
    const gold = [span('spacex', 0, 6), span('spacex', 7, 13)];
    const predicted = [span('spacex', 5, 13)];
    const result = scoreMentions(gold, predicted, 'overlap');
    expect(result.matched).toEqual([{ gold: gold[1], predicted: predicted[0] }]);
    expect(result.falseNegatives).toEqual([gold[0]]);
  });

  it('counts a duplicated prediction once as a hit and once as a false positive', () => {
    const result = scoreMentions(
      [span('neuralink', 0, 9)],
      [span('neuralink', 0, 9), span('neuralink', 0, 9)],
    );
    expect(result.matched).toHaveLength(1);
    expect(result.falsePositives).toHaveLength(1);
  });

  it('pools tallies and computes precision, recall and F1', () => {
    const score = scoreCorpus([
      {
        gold: [span('spacex', 0, 6), span('sam-altman', 10, 20)],
        predicted: [span('spacex', 0, 6)],
      },
      { gold: [], predicted: [span('openai', 0, 6)] },
      { gold: [span('openai', 3, 9)], predicted: [span('openai', 3, 9), span('xai', 20, 23)] },
    ]);
    expect(score.core).toEqual({ tp: 2, fp: 1, fn: 0 });
    expect(score.extended).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(score.all).toEqual({ tp: 2, fp: 2, fn: 1 });
    const { precision, recall, f1 } = prf(score.core);
    expect(precision).toBeCloseTo(2 / 3);
    expect(recall).toBe(1);
    expect(f1).toBeCloseTo(0.8);
    expect(prf({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(prf({ tp: 0, fp: 0, fn: 4 }).f1).toBe(0);
  });
});

describe('the evaluation corpus', () => {
  const corpus = loadCorpus();

  it('has at least 300 snippets with unique ids', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(new Set(corpus.map((s) => s.id)).size).toBe(corpus.length);
  });

  it('has at least 35% hard negatives (snippets with no mention)', () => {
    const negatives = corpus.filter((s) => s.mentions.length === 0).length;
    expect(negatives / corpus.length).toBeGreaterThanOrEqual(0.35);
  });

  it('covers every genre', () => {
    const genres = new Set(corpus.map((s) => s.genre));
    for (const genre of [
      'news',
      'markets',
      'x-post',
      'reddit',
      'hn',
      'wiki',
      'press',
      'transcript',
      'headline',
      'list',
      'de',
      'fr',
      'es',
      'ja',
    ]) {
      expect(genres, genre).toContain(genre);
    }
  });

  it.each(ALL_ENTITIES)('has at least 15 gold mentions of %s', (entity) => {
    const count = corpus.flatMap((s) => s.mentions).filter((m) => m.entity === entity).length;
    expect(count).toBeGreaterThanOrEqual(15);
  });

  it('has offsets that point at the labelled text', () => {
    for (const snippet of corpus) {
      for (const m of snippet.mentions) {
        expect(snippet.text.slice(m.start, m.end), snippet.id).toBe(m.text);
      }
    }
  });

  it('keeps possessives, quotes and brackets out of labels', () => {
    for (const m of corpus.flatMap((s) => s.mentions)) {
      expect(m.text, m.text).not.toMatch(/['’]s$|^["“”«»([]|["“”«»)\]]$/);
    }
  });

  it('has the hard cases of issue 2 in its text', () => {
    const all = corpus.map((s) => s.text).join('\n---\n');
    for (const ch of ['\u00a0', '\u200b', '\u200d', '\u00ad', 'Ｏ', 'Ｓ'])
      expect(all).toContain(ch);
    const core = new Set<string>(CORE_ENTITIES);
    const surfaces = new Set(
      corpus.flatMap((s) => s.mentions.filter((m) => core.has(m.entity)).map((m) => m.text)),
    );
    for (const surface of [
      'Nueralink',
      'Neurallink',
      'Nuralink',
      'Spacex',
      'OpenAl',
      'Stoke\nSpace',
      'Neura-\nlink',
    ]) {
      expect(surfaces, surface).toContain(surface);
    }
  });
});
