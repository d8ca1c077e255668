// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Found } from '../../content/found';
import type { ReadRoot } from '../../content/read/dom-rules';
import { createFoundStore, type FoundStore } from '../../content/scan/found-store';
import type { EntityId } from '../../core/types';
import { foundWord, page } from './part-helpers';

type Listener = (found: Found[]) => void;
let events: {
  onAdd: ReturnType<typeof vi.fn<Listener>>;
  onRemove: ReturnType<typeof vi.fn<Listener>>;
  onMoved: ReturnType<typeof vi.fn<Listener>>;
};
let seen: Set<EntityId>;
let store: FoundStore;
const NONE: ReadonlySet<EntityId> = new Set();

beforeEach(() => {
  events = { onAdd: vi.fn(), onRemove: vi.fn(), onMoved: vi.fn() };
  seen = new Set();
  store = createFoundStore(events, seen);
});
afterEach(() => {
  document.body.innerHTML = '';
});

const quiet = () => {
  events.onAdd.mockClear();
  events.onRemove.mockClear();
  events.onMoved.mockClear();
};

describe('found store: commit', () => {
  it('emits what reconcile says: added, then nothing for the same reading, then removed', () => {
    const $ = page('<p id="p">SpaceX and OpenAI</p>');
    const p = $('p');
    const first = [foundWord(p, 'SpaceX', 'spacex'), foundWord(p, 'OpenAI', 'openai')];
    store.commit(p, first, NONE);
    expect(events.onAdd).toHaveBeenCalledExactlyOnceWith(first);
    expect(store.foundIn(p)).toEqual(first);
    quiet();

    store.commit(p, [foundWord(p, 'SpaceX', 'spacex'), foundWord(p, 'OpenAI', 'openai')], NONE);
    expect(events.onAdd).not.toHaveBeenCalled();
    expect(events.onRemove).not.toHaveBeenCalled();
    expect(events.onMoved).not.toHaveBeenCalled();
    expect(store.foundIn(p)).toEqual(first);

    store.commit(p, [foundWord(p, 'SpaceX', 'spacex')], NONE);
    expect(events.onRemove).toHaveBeenCalledExactlyOnceWith([first[1]]);
    expect(store.foundIn(p)).toEqual([first[0]]);

    store.commit(p, [], NONE);
    expect(store.foundIn(p)).toBeUndefined();
  });

  it('reports mentions kept over moved offsets as moved', () => {
    const $ = page('<p id="p">SpaceX then SpaceX</p>');
    const p = $('p');
    const old = foundWord(p, 'SpaceX', 'spacex', 0);
    store.commit(p, [old], NONE);
    quiet();
    store.commit(p, [foundWord(p, 'SpaceX', 'spacex', 1)], NONE);
    expect(events.onMoved).toHaveBeenCalledExactlyOnceWith([old]);
    expect(events.onAdd).not.toHaveBeenCalled();
    expect(events.onRemove).not.toHaveBeenCalled();
  });

  it('leaves out ranges that collapsed while the owner was read', () => {
    const $ = page('<p id="p">SpaceX</p>');
    const f = foundWord($('p'), 'SpaceX', 'spacex');
    f.range.collapse(true);
    store.commit($('p'), [f], NONE);
    expect(events.onAdd).not.toHaveBeenCalled();
    expect(store.foundIn($('p'))).toBeUndefined();
  });

  it('drops an owner: its mentions removed', () => {
    const $ = page('<p id="p">SpaceX</p>');
    const list = [foundWord($('p'), 'SpaceX', 'spacex')];
    store.commit($('p'), list, NONE);
    store.drop($('p'));
    expect(events.onRemove).toHaveBeenCalledExactlyOnceWith(list);
    expect([...store.all()]).toEqual([]);
    store.drop($('p'));
    expect(events.onRemove).toHaveBeenCalledOnce();
  });
});

describe('found store: sweep', () => {
  it('reads again an owner whose text left, drops one that left, keeps the rest', () => {
    const $ = page('<p id="a">SpaceX</p><p id="b">OpenAI</p><p id="c">Neuralink</p>');
    const [a, b, c] = [$('a'), $('b'), $('c')];
    const inB = [foundWord(b, 'OpenAI', 'openai')];
    store.commit(a, [foundWord(a, 'SpaceX', 'spacex')], NONE);
    store.commit(b, inB, NONE);
    store.commit(c, [foundWord(c, 'Neuralink', 'neuralink')], NONE);
    quiet();
    a.textContent = 'SpaceX again';
    b.remove();
    const reread = vi.fn<(owner: ReadRoot) => void>();
    store.sweep(reread);
    expect(reread).toHaveBeenCalledExactlyOnceWith(a);
    expect(events.onRemove).toHaveBeenCalledExactlyOnceWith(inB);
    expect(store.foundIn(b)).toBeUndefined();
    expect(store.foundIn(c)).toHaveLength(1);
  });
});

describe('found store: recheck', () => {
  it('reads again an owner with undecided entities once `seen` grows, once', () => {
    const $ = page('<p id="a">Musk</p><p id="b">SpaceX</p>');
    const reread = vi.fn<(owner: ReadRoot) => void>();
    store.commit($('a'), [], new Set(['elon-musk']));
    store.commit($('b'), [foundWord($('b'), 'SpaceX', 'spacex')], NONE);
    expect(store.recheck(reread)).toBe(false);
    expect(reread).not.toHaveBeenCalled();

    seen.add('elon-musk');
    expect(store.recheck(reread)).toBe(true);
    expect(reread).toHaveBeenCalledExactlyOnceWith($('a'));

    seen.add('spacex');
    expect(store.recheck(reread)).toBe(false);
    expect(reread).toHaveBeenCalledOnce();
  });

  it('stops waiting for an owner read again with nothing left undecided', () => {
    const $ = page('<p id="a">Musk</p>');
    store.commit($('a'), [], new Set(['elon-musk']));
    // The page rewrote it: no ambiguous name any more.
    store.commit($('a'), [], NONE);
    seen.add('elon-musk');
    const reread = vi.fn<(owner: ReadRoot) => void>();
    expect(store.recheck(reread)).toBe(false);
    expect(reread).not.toHaveBeenCalled();
  });

  it('does not read again an owner read after `seen` last grew', () => {
    const $ = page('<p id="a">Musk</p>');
    seen.add('spacex');
    store.commit($('a'), [], new Set(['elon-musk']));
    const reread = vi.fn<(owner: ReadRoot) => void>();
    expect(store.recheck(reread)).toBe(false);
    expect(reread).not.toHaveBeenCalled();
  });

  it('waits for nothing once every entity is seen', () => {
    const $ = page('<p id="a">Musk</p>');
    const one = createFoundStore(events, seen, 1);
    seen.add('spacex');
    one.commit($('a'), [], new Set(['elon-musk']));
    seen.add('elon-musk');
    const reread = vi.fn<(owner: ReadRoot) => void>();
    expect(one.recheck(reread)).toBe(false);
  });

  it('does not read again an owner that left', () => {
    const $ = page('<p id="a">Musk</p>');
    store.commit($('a'), [], new Set(['elon-musk']));
    $('a').remove();
    seen.add('elon-musk');
    const reread = vi.fn<(owner: ReadRoot) => void>();
    expect(store.recheck(reread)).toBe(false);
    expect(reread).not.toHaveBeenCalled();
  });
});

describe('found store: clear', () => {
  it('removes every mention and forgets the owners waiting', () => {
    const $ = page('<p id="a">SpaceX</p><p id="b">Musk</p>');
    const inA = [foundWord($('a'), 'SpaceX', 'spacex')];
    store.commit($('a'), inA, NONE);
    store.commit($('b'), [], new Set(['elon-musk']));
    store.clear();
    expect(events.onRemove).toHaveBeenCalledExactlyOnceWith(inA);
    expect([...store.all()]).toEqual([]);
    seen.add('elon-musk');
    const reread = vi.fn<(owner: ReadRoot) => void>();
    expect(store.recheck(reread)).toBe(false);
  });
});
