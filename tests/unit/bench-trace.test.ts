/** The trace accounting that the benchmark and the large-page tests share. */
import { describe, expect, it } from 'vitest';
import { mainThreadTasks, summarize, type TraceEvent } from '../../scripts/bench/trace';

const thread: TraceEvent = {
  name: 'thread_name',
  cat: '__metadata',
  ph: 'M',
  ts: 0,
  pid: 1,
  tid: 1,
  args: { name: 'CrRendererMain' },
};
const ev = (
  name: string,
  ts: number,
  dur: number,
  extra: Partial<TraceEvent> = {},
): TraceEvent => ({
  name,
  cat: 'toplevel',
  ph: 'X',
  ts,
  dur,
  pid: 1,
  tid: 1,
  ...extra,
});
const ours = { args: { data: { url: 'chrome-extension://abc/content-scripts/content.js' } } };

describe('mainThreadTasks', () => {
  it('counts a task of ours alone by its thread time, less the collector', () => {
    const { tasks } = mainThreadTasks([
      thread,
      ev('RunTask', 0, 40_000, { tdur: 30_000 }),
      ev('FunctionCall', 100, 39_000, { ...ours, tdur: 29_000 }),
      ev('MajorGC', 20_000, 10_000, { tdur: 10_000 }),
    ]);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.ours).toBe(40);
    expect(tasks[0]?.work).toBe(20);
  });

  it('never counts more work than the task lasted, whatever the thread clock says', () => {
    // Seen on a loaded CI machine: a 33 ms idle callback whose thread time read 50.6 ms.
    const { tasks } = mainThreadTasks([
      thread,
      ev('RunTask', 0, 33_000, { tdur: 50_600 }),
      ev('FunctionCall', 10, 32_900, { ...ours, tdur: 50_500 }),
    ]);
    expect(tasks[0]?.work).toBe(33);
  });

  it('counts only our functions in a task the page would run anyway', () => {
    const { tasks } = mainThreadTasks([
      thread,
      ev('RunTask', 0, 60_000, { tdur: 60_000 }),
      ev('ParseHTML', 0, 50_000),
      ev('FunctionCall', 50_000, 5_000, ours),
    ]);
    expect(tasks[0]?.work).toBe(5);
    expect(tasks[0]?.ours).toBe(5);
  });

  it('breaks a task down by what ran inside it, and keeps the longest task of ours', () => {
    const { tasks } = mainThreadTasks([
      thread,
      ev('RunTask', 0, 10_000, { tdur: 8_000 }),
      ev('ThreadControllerImpl::RunTask', 0, 10_000),
      ev('FunctionCall', 100, 9_000, {
        args: { data: { url: ours.args.data.url, functionName: 'step' } },
      }),
      ev('MinorGC', 5_000, 2_000),
      ev('RunTask', 20_000, 30_000, { tdur: 30_000 }),
      ev('FunctionCall', 20_100, 29_000, ours),
    ]);
    // The task's own wrapper is left out; a function call says which function it was.
    expect(tasks[0]?.inside).toEqual([
      ['FunctionCall step', 9],
      ['MinorGC', 2],
    ]);
    expect(tasks[0]?.cpu).toBe(8);
    expect(summarize(tasks).longestTask).toBe(tasks[1]);
  });

  it('marks when the content script began, not when a later script of ours did', () => {
    const base = 'chrome-extension://abc/';
    const tasks = mainThreadTasks([
      thread,
      ev('RunTask', 0, 2_000, { tdur: 2_000 }),
      ev('EvaluateScript', 100, 1_000, {
        args: { data: { url: `${base}content-scripts/content.js` } },
      }),
      ev('RunTask', 50_000, 9_000, { tdur: 9_000 }),
      ev('EvaluateScript', 50_500, 8_000, {
        args: { data: { url: `${base}stage-two/reader.js` } },
      }),
    ]).tasks;
    expect(tasks.map((t) => t.contentStart)).toEqual([0.1, undefined]);
    expect(summarize(tasks).contentStart).toBe(0.1);
    expect(summarize(tasks).firstOurs).toBe(0);
  });
});
