// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MATCH_WINDOW } from '../../content/budgets';
import { beginJob, type JobContext, stepJob } from '../../content/scan/read-job';
import type { EntityId } from '../../core/types';
import { calls, fakeMatch } from './content-helpers';
import { always, page } from './part-helpers';

let ctx: JobContext & {
  readWhole: ReturnType<typeof vi.fn<(chars: number) => void>>;
  collected: ReturnType<typeof vi.fn<JobContext['collected']>>;
};

beforeEach(() => {
  calls.count = 0;
  calls.longest = 0;
  calls.texts = [];
  ctx = { match: fakeMatch, seen: new Set<EntityId>(), readWhole: vi.fn(), collected: vi.fn() };
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('read job', () => {
  it('completes a block with no mention from its whole text, without reading its nodes', () => {
    const $ = page('<p id="p">Nothing  to <b>see</b> here.</p>');
    const job = beginJob($('p'), ctx);
    expect(job.collector).toBeNull();
    // White space collapsed as the collector reads it.
    expect(ctx.readWhole).toHaveBeenCalledExactlyOnceWith('Nothing to see here.'.length);
    expect(stepJob(job, always, ctx)).toBe(true);
    expect(ctx.collected).not.toHaveBeenCalled();
    expect(job.found).toEqual([]);
    expect(calls.count).toBe(1);
  });

  it('collects a block with a mention and gives ranges over the names, matched once', () => {
    const $ = page('<p id="p">A deal with <em>Stoke</em> Space and then SpaceX.</p>');
    const job = beginJob($('p'), ctx);
    expect(job.collector).not.toBeNull();
    expect(ctx.readWhole).not.toHaveBeenCalled();
    expect(stepJob(job, always, ctx)).toBe(true);
    expect(ctx.collected).toHaveBeenCalledOnce();
    expect(ctx.collected.mock.calls[0]?.[0]).toBe(job);
    expect(job.found.map((f) => [f.mention.entity, f.range.toString()])).toEqual([
      ['stoke-space', 'Stoke Space'],
      ['spacex', 'SpaceX'],
    ]);
    expect(job.found.every((f) => f.owner === $('p'))).toBe(true);
    // The whole text matched at the start is used as is once the nodes are read.
    expect(calls.count).toBe(1);
    expect(ctx.seen).toEqual(new Set(['stoke-space', 'spacex']));
  });

  it('keeps what the matcher could not decide yet', () => {
    const $ = page('<p id="p">Musk said so.</p>');
    const job = beginJob($('p'), ctx);
    expect(stepJob(job, always, ctx)).toBe(true);
    expect(job.found).toEqual([]);
    expect(job.undecided).toEqual(new Set(['elon-musk']));
  });

  it('matches a text longer than a window in several steps', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(Math.ceil((2 * MATCH_WINDOW) / 27));
    const $ = page(`<p id="p">SpaceX ${filler} OpenAI</p>`);
    const job = beginJob($('p'), ctx);
    expect(ctx.readWhole).not.toHaveBeenCalled();
    let steps = 1;
    while (!stepJob(job, always, ctx)) steps++;
    expect(steps).toBeGreaterThanOrEqual(3);
    expect(calls.longest).toBeLessThan(filler.length);
    expect(job.found.map((f) => f.range.toString())).toEqual(['SpaceX', 'OpenAI']);
    expect(ctx.collected).toHaveBeenCalledOnce();
  });

  describe('a block of blocks, asked of the gate', () => {
    const asked: string[] = [];
    const gate = (says: boolean) => (text: string) => {
      asked.push(text);
      return says;
    };
    beforeEach(() => {
      asked.length = 0;
    });

    it('is done without a block read where the gate sees no name', () => {
      const $ = page('<div id="d"><p>One <b>two</b></p>\n<p>Stoke the fire</p></div>');
      const job = beginJob($('d'), { ...ctx, mayName: gate(false) });
      expect(asked).toEqual(['One two\nStoke the fire']);
      expect(job.collector).toBeNull();
      expect(ctx.readWhole).toHaveBeenCalledExactlyOnceWith(asked[0]?.length);
      expect(stepJob(job, always, ctx)).toBe(true);
      // Not collected: its blocks are never queued.
      expect(ctx.collected).not.toHaveBeenCalled();
      expect(calls.count).toBe(0);
      expect(job.found).toEqual([]);
    });

    it('is asked again with its blocks apart where they meet glued', () => {
      const $ = page('<div id="d"><dt>Stoke Space</dt><dd>rockets</dd></div>');
      const apart = (text: string) => {
        asked.push(text);
        return text.includes('\n');
      };
      const job = beginJob($('d'), { ...ctx, mayName: apart });
      expect(asked).toEqual(['Stoke Spacerockets', 'Stoke Space\nrockets']);
      expect(job.collector).not.toBeNull();
      expect(ctx.readWhole).not.toHaveBeenCalled();
    });

    it('is read as before where the gate may see a name', () => {
      const $ = page('<div id="d"><p>Nothing here</p><p>SpaceX</p></div>');
      const job = beginJob($('d'), { ...ctx, mayName: gate(true) });
      expect(asked).toEqual(['Nothing hereSpaceX']);
      expect(job.collector).not.toBeNull();
      expect(stepJob(job, always, ctx)).toBe(true);
      expect(ctx.collected).toHaveBeenCalledOnce();
      expect(ctx.collected.mock.calls[0]?.[1].nested).toBe(2);
      expect(ctx.readWhole).not.toHaveBeenCalled();
    });

    it('is not asked of a block read whole, nor of one whose blocks are not plain', () => {
      const $ = page(
        '<p id="p">Nothing</p><div id="d"><p>a<span>b</span></p></div><div id="t">text only</div>',
      );
      for (const id of ['p', 'd', 't']) beginJob($(id), { ...ctx, mayName: gate(false) });
      expect(asked).toEqual([]);
      expect(ctx.readWhole).toHaveBeenCalledTimes(2);
    });
  });
});
