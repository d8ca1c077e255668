// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createDocOrder } from '../../content/lens/doc-order';
import { summarize } from '../../content/lens/summary';
import { foundWord, page } from './part-helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('summarize', () => {
  it('counts per entity, with each first mention in document order, by first mention', () => {
    const $ = page(
      '<p id="a">OpenAI leads the first block.</p>' +
        '<p id="b">Then SpaceX and OpenAI.</p>' +
        '<p id="c">Later SpaceX again, and SpaceX.</p>',
    );
    const found = [
      foundWord($('c'), 'SpaceX', 'spacex', 1),
      foundWord($('b'), 'OpenAI', 'openai'),
      foundWord($('c'), 'SpaceX', 'spacex', 0),
      foundWord($('b'), 'SpaceX', 'spacex'),
      foundWord($('a'), 'OpenAI', 'openai'),
    ];
    const summary = summarize(found, createDocOrder());
    expect(summary.total).toBe(5);
    expect(summary.entities).toEqual([
      {
        entity: 'openai',
        count: 2,
        firstContext: 'OpenAI leads the first block.',
        snippet: { before: '', name: 'OpenAI', after: ' leads the first block.' },
      },
      {
        entity: 'spacex',
        count: 3,
        firstContext: 'Then SpaceX and OpenAI.',
        snippet: { before: 'Then ', name: 'SpaceX', after: ' and OpenAI.' },
      },
    ]);
  });

  it('is empty with no mention', () => {
    expect(summarize([], createDocOrder())).toEqual({ total: 0, entities: [] });
  });
});
