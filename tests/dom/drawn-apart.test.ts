// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectOwn } from '../../content/read/collect-text';
import { mayHideBoundary, worthALook } from '../../content/read/drawn-apart';
import { settle } from '../../content/read/settle';
import { beginJob, type JobContext, stepJob } from '../../content/scan/read-job';
import { type Run, rangeFor } from '../../content/read/run';
import type { EntityId } from '../../core/types';
import { fakeMatch } from './content-helpers';
import { always, page } from './part-helpers';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

/** The runs of `#p`, read and settled as the read job does. */
const runsOf = (html: string) => {
  const $ = page(html);
  return collectOwn($('p'))
    .runs.flatMap((run) => settle(run, fakeMatch, new Set()).runs)
    .map((r) => r.text as string);
};

describe('boundaries between elements glued without white space', () => {
  it('end the run between boxes of their own that a name would cross: inline blocks, buttons', () => {
    expect(
      runsOf(
        '<p id="p"><span style="display:inline-block">Open</span><span style="display:inline-block">AI</span></p>',
      ),
    ).toEqual(['Open', 'AI']);
    expect(runsOf('<p id="p"><button>Open</button><button>AI</button></p>')).toEqual([
      'Open',
      'AI',
    ]);
  });

  it('read boxes at a name’s edge, flex items or blocks, as words apart', () => {
    expect(
      runsOf(
        '<p id="p"><a style="display:flex">OpenAI</a><a style="display:flex">SpaceX</a>' +
          '<a style="display:flex">Neuralink</a></p>',
      ),
    ).toEqual(['OpenAI SpaceX Neuralink']);
    expect(runsOf('<p id="p"><b>CEO</b><span style="display:block">Sam Altman</span></p>')).toEqual(
      ['CEO Sam Altman'],
    );
  });

  it('keep a name split inside inline text whole', () => {
    expect(
      runsOf('<p id="p">Open<span>AI</span>, Stoke <em>Space</em>, Neura<b>link</b></p>'),
    ).toEqual(['OpenAI, Stoke Space, Neuralink']);
    // Only the boundary's own elements count: a block around both sides parts nothing.
    expect(runsOf('<p id="p"><span style="display:inline-block">Open<b>AI</b></span></p>')).toEqual(
      ['OpenAI'],
    );
  });

  it('read a gap that the browser draws across a name as a space, and no gap as none', () => {
    // happy-dom lays nothing out: the two sides 6 px apart (a third of the line's height), or
    // side by side.
    let gap = 6;
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
      const first = this.startContainer.parentElement?.tagName === 'I';
      return new DOMRect(first ? 30 : 40 + gap, 0, 10, 18);
    });
    expect(runsOf('<p id="p"><i>Stoke</i><span>Space</span></p>')).toEqual(['Stoke Space']);
    gap = 0;
    expect(runsOf('<p id="p"><i>Stoke</i><span>Space</span></p>')).toEqual(['StokeSpace']);
  });

  it('part a name from a word glued at its edge without asking layout', () => {
    const style = vi.spyOn(window, 'getComputedStyle');
    expect(runsOf('<p id="p"><i>By</i><span>Elon Musk</span></p>')).toEqual(['By Elon Musk']);
    expect(style).not.toHaveBeenCalled();
  });

  it('ask layout only where a word would be glued to a capitalised one', () => {
    const style = vi.spyOn(window, 'getComputedStyle');
    runsOf('<p id="p">Neura<b>link</b> <a>and</a><a>more</a>, <span>T</span>he end</p>');
    expect(style).not.toHaveBeenCalled();
    runsOf('<p id="p">Open<span>AI</span></p>');
    expect(style).toHaveBeenCalled();
  });

  it('ask layout only where a name of either reading crosses or touches the boundary', () => {
    const style = vi.spyOn(window, 'getComputedStyle');
    const $ = page('<p id="p"><a>Garden</a><a>River</a><a>Harbor</a> and OpenAI</p>');
    const [run] = collectOwn($('p')).runs;
    expect(run?.glued).toHaveLength(2);
    // No name at either boundary: they read the same glued or apart, and keep the space.
    expect(settle(run as Run, fakeMatch, new Set()).runs.map((r) => r.text)).toEqual([
      'Garden River Harbor and OpenAI',
    ]);
    expect(style).not.toHaveBeenCalled();
  });

  it('maps every settled run back to its nodes, across the spaces and cuts it added', () => {
    vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
      const tag = this.startContainer.parentElement?.tagName;
      return new DOMRect(tag === 'I' ? 30 : 46, 0, 10, 18);
    });
    const $ = page(
      '<p id="p"><i>By</i><span>Elon Musk</span> <button>Open</button><button>AI</button> ' +
        '<b>Space</b><b>X</b> and <i>x</i><em>OpenAI</em></p>',
    );
    const runs = collectOwn($('p')).runs.flatMap((run) => settle(run, fakeMatch, new Set()).runs);
    // A gap, an end between boxes, a glue inside one word, a gap.
    expect(runs.map((r) => r.text)).toEqual(['By Elon Musk Open', 'AI SpaceX and x OpenAI']);
    const range = (r: number, word: string) => {
      const run = runs[r] as Run;
      const at = (run.text as string).indexOf(word);
      return rangeFor(run, at, at + word.length)?.toString();
    };
    expect(range(0, 'Elon Musk')).toBe('Elon Musk');
    expect(range(1, 'SpaceX')).toBe('SpaceX');
    expect(range(1, 'OpenAI')).toBe('OpenAI');
  });

  it('the cheap check', () => {
    expect(worthALook('n', 'A', 'I')).toBe(true);
    expect(worthALook('s', 'x', 'A')).toBe(true);
    expect(worthALook('a', 'l', 'i')).toBe(false);
    expect(worthALook(' ', 'A', 'I')).toBe(false);
    expect(worthALook('', 'A', 'I')).toBe(false);
    expect(mayHideBoundary('ByElon Musk')).toBe(true);
    expect(mayHideBoundary('CEOSam Altman')).toBe(true);
    expect(mayHideBoundary('The NASA budget, in plain words.')).toBe(false);
  });
});

describe('a block read whole that glues words', () => {
  let ctx: JobContext;
  beforeEach(() => {
    ctx = { match: fakeMatch, seen: new Set<EntityId>(), readWhole: vi.fn(), collected: vi.fn() };
  });

  it('is read node by node when its silence may hide a boundary', () => {
    const $ = page('<p id="p"><b>By</b><a style="display:inline-block">Elon Musk</a></p>');
    const job = beginJob($('p'), ctx);
    expect(job.collector).not.toBeNull();
    while (!stepJob(job, always, ctx));
    expect(job.found.map((f) => f.range.toString())).toEqual(['Elon Musk']);
  });

  it('is still done from its whole text when nothing is glued', () => {
    const $ = page('<p id="p">By <a>Elon</a> and <b>Musk</b>, NASA said.</p>');
    const job = beginJob($('p'), ctx);
    expect(job.collector).toBeNull();
  });

  it('drops a mention that boxes part: two buttons are not one name', () => {
    const $ = page('<p id="p"><button>Open</button><button>AI</button> and Open<b>AI</b></p>');
    const job = beginJob($('p'), ctx);
    while (!stepJob(job, always, ctx));
    const found = job.found.map((f) => f.range.toString());
    expect(found).toEqual(['OpenAI']);
    expect(job.found[0]?.range.startContainer.textContent).toBe(' and Open');
  });
});
