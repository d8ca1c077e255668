import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mergeSummaries, revealInTab, tabSummary } from '../../extension/frames';
import type { EntityCount, PageSummary } from '../../extension/messages';

const count = (entity: string, n: number, name = entity): EntityCount => ({
  entity,
  count: n,
  firstContext: `about ${name}`,
  snippet: { before: 'about ', name, after: '' },
});
const summary = (total: number, entities: EntityCount[]): PageSummary => ({
  state: 'ready',
  host: 'news.example.com',
  total,
  entities,
});

let frames: Record<number, unknown>;
let sendMessage: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fakeBrowser.reset();
  frames = {};
  sendMessage = vi.fn(async (_tab: number, msg: { type: string }, opts: { frameId: number }) => {
    const answer = frames[opts.frameId] as Record<string, unknown> | undefined;
    if (!answer) throw new Error('Receiving end does not exist.');
    return answer[msg.type];
  });
  fakeBrowser.tabs.sendMessage = sendMessage as unknown as typeof fakeBrowser.tabs.sendMessage;
  // The background's answer to `mentionFrames`: frames 4 and 6 reported mentions.
  fakeBrowser.runtime.sendMessage = vi.fn(async (msg: { type: string }) =>
    msg.type === 'mentionFrames' ? [4, 6] : undefined,
  ) as unknown as typeof fakeBrowser.runtime.sendMessage;
});

describe('a tab summed over its frames', () => {
  it('adds the frames’ counts, the top page’s first mention kept, new entities after', () => {
    const merged = mergeSummaries(summary(3, [count('openai', 2), count('spacex', 1)]), [
      summary(4, [count('spacex', 3, 'Space X'), count('neuralink', 1)]),
    ]);
    expect(merged.total).toBe(7);
    expect(merged.entities).toEqual([
      count('openai', 2),
      count('spacex', 4),
      count('neuralink', 1),
    ]);
  });

  it('asks the frames the background names, and leaves out those that cannot answer', async () => {
    frames[0] = { getSummary: summary(1, [count('openai', 1)]) };
    frames[4] = { getSummary: summary(2, [count('spacex', 2)]) };
    const merged = await tabSummary(1);
    expect(merged.total).toBe(3);
    expect(merged.entities.map((e) => e.entity)).toEqual(['openai', 'spacex']);
  });

  it('reveals in the top page first, else in the first frame that has the entity', async () => {
    frames[0] = { reveal: { ok: false, index: 0, total: 0 } };
    frames[6] = { reveal: { ok: true, index: 1, total: 2 } };
    expect(await revealInTab(1, 'spacex')).toEqual({ ok: true, index: 1, total: 2 });
    expect(sendMessage.mock.calls.map((c) => c[2].frameId)).toEqual([0, 4, 6]);
  });
});
