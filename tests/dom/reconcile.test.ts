// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { reconcile } from '../../content/scan/reconcile';
import { foundWord, page } from './part-helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('reconcile', () => {
  it('takes every mention as new when there was no reading before', () => {
    const $ = page('<p id="p">SpaceX</p>');
    const fresh = [foundWord($('p'), 'SpaceX', 'spacex')];
    expect(reconcile(undefined, fresh)).toEqual({
      found: fresh,
      added: fresh,
      moved: [],
      removed: [],
    });
  });

  it('keeps the object and its Range for the same text node and offsets', () => {
    const $ = page('<p id="p">SpaceX and OpenAI</p>');
    const old = foundWord($('p'), 'SpaceX', 'spacex');
    const oldRange = old.range;
    const fresh = foundWord($('p'), 'SpaceX', 'spacex');
    const r = reconcile([old], [fresh]);
    expect(r.found).toHaveLength(1);
    expect(r.found[0]).toBe(old);
    expect(old.range).toBe(oldRange);
    // The new reading's mention and run are taken.
    expect(old.run).toBe(fresh.run);
    expect(old.mention).toBe(fresh.mention);
    expect(r).toMatchObject({ added: [], moved: [], removed: [] });
  });

  it('sets the same Range to moved offsets and reports it moved', () => {
    const $ = page('<p id="p">SpaceX then SpaceX</p>');
    const old = foundWord($('p'), 'SpaceX', 'spacex', 0);
    const oldRange = old.range;
    const fresh = foundWord($('p'), 'SpaceX', 'spacex', 1);
    const r = reconcile([old], [fresh]);
    expect(r.found).toEqual([old]);
    expect(r.moved).toEqual([old]);
    expect(old.range).toBe(oldRange);
    expect([oldRange.startOffset, oldRange.endOffset]).toEqual([
      fresh.range.startOffset,
      fresh.range.endOffset,
    ]);
    expect(r).toMatchObject({ added: [], removed: [] });
  });

  it('reports what is new and what is gone', () => {
    const $ = page('<p id="p">SpaceX and OpenAI</p><p id="q">Neuralink</p>');
    const keep = foundWord($('p'), 'SpaceX', 'spacex');
    const gone = foundWord($('p'), 'OpenAI', 'openai');
    const elsewhere = foundWord($('q'), 'Neuralink', 'neuralink');
    const again = foundWord($('p'), 'SpaceX', 'spacex');
    const other = foundWord($('p'), 'OpenAI', 'sam-altman');
    const moved = foundWord($('p'), 'Neuralink', 'neuralink', 0, $('q').firstChild as Text);
    const r = reconcile([keep, gone, elsewhere], [again, other, moved]);
    // A different entity over the same text is new; the same entity over another node is kept.
    expect(r.found).toEqual([keep, other, elsewhere]);
    expect(r.added).toEqual([other]);
    expect(r.removed).toEqual([gone]);
    expect(r.moved).toEqual([]);
  });

  it('takes a mention over a replaced text node as new', () => {
    const $ = page('<p id="p">SpaceX</p>');
    const old = foundWord($('p'), 'SpaceX', 'spacex');
    $('p').textContent = 'SpaceX';
    const fresh = foundWord($('p'), 'SpaceX', 'spacex');
    const r = reconcile([old], [fresh]);
    expect(r).toEqual({ found: [fresh], added: [fresh], moved: [], removed: [old] });
  });
});
