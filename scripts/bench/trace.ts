/**
 * Main-thread accounting from a Chromium trace (CDP `Tracing`): every top-level task of the
 * page's renderer main thread, and how much of it ran our content script.
 *
 * The content script runs in an isolated world but on the page's main thread; its functions
 * show in the trace as `FunctionCall` / `EvaluateScript` / `v8.compile` events whose script URL
 * is `chrome-extension://…`. A task that exists for our code alone (our timer, idle callback
 * or message) counts whole, with its microtasks, garbage collection and any layout our code
 * forced. A task that would run anyway (parsing, an input event, a rendering frame, page
 * script) counts only the time inside our functions. Rendering that our highlights cause
 * later, in frames of their own, is not "ours" here: the with-minus-without busy time covers it.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs: less than `dur` when the thread was descheduled. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    fileName?: string;
    data?: { url?: string; type?: string; documentLoaderURL?: string; functionName?: string };
  };
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink.user_timing',
];

export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  // The protocol types trace events as string maps; they are Chrome's trace event format.
  const onData = (e: { value: object[] }) => {
    for (const v of e.value) events.push(v as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES },
  });
  return async () => {
    const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}

export interface Task {
  /** Start and duration, in ms (trace clock). */
  ts: number;
  dur: number;
  /** Our share of the task, in ms. */
  ours: number;
  /**
   * Our own work in it, ms: for a task of ours alone, its thread time less the garbage
   * collector's (see `isGc`); in a shared task, the time inside our functions as in `ours`.
   */
  work: number;
  /** The task evaluated our content script (its start-up). */
  startup: boolean;
  /** When the main content script (content-scripts/content.js) began to run in it, ms. */
  contentStart?: number;
  /** The biggest kinds of work inside the task, ms (for the long tasks). */
  parts: [string, number][];
  /** The task's thread time, ms: far below `dur`, the thread was kept waiting. */
  cpu: number;
  /** Every kind of event inside the task, ms, nested ones counted too, biggest first. */
  inside: [string, number][];
}

const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.run']);
/**
 * Work that happens whether or not our code runs in the same task: parsing, input, and the
 * steps of a rendering frame (a frame that runs our requestAnimationFrame callback would have
 * been drawn anyway). Only counted outside our functions: a layout our code forces is ours.
 */
const SHARED_WORK = new Set([
  'EventDispatch',
  'ParseHTML',
  'AnimationFrame',
  'FireAnimationFrame',
  'BeginMainThreadFrame',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
]);
/**
 * The garbage collector's steps. V8 runs them in whatever task is allocating when they fall due:
 * on a page whose own script is idle, that is ours, whoever's heap is being marked.
 */
const isGc = (name: string) =>
  name === 'MinorGC' ||
  name === 'MajorGC' ||
  name.startsWith('V8.GC') ||
  name.startsWith('BlinkGC');

/** Names worth showing in the breakdown of a long task. */
const PARTS = new Set([
  'ParseHTML',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'HitTest',
  'FunctionCall',
  'EvaluateScript',
  'FireIdleCallback',
  'TimerFire',
  'MajorGC',
  'MinorGC',
  'V8.GC_MC_INCREMENTAL',
]);

/** An event's name, with the function it called where the trace says ("FunctionCall step"). */
function insideName(e: TraceEvent): string {
  const fn = e.args?.data?.functionName;
  return typeof fn === 'string' && fn !== '' ? `${e.name} ${fn}` : e.name;
}

function scriptUrl(e: TraceEvent): string | undefined {
  return e.args?.data?.url ?? e.args?.fileName;
}

/**
 * The top-level tasks of the busiest renderer main thread (the page's: the other renderers of
 * the profile are idle while we measure), with our share of each.
 */
export function mainThreadTasks(events: readonly TraceEvent[]): {
  tasks: Task[];
  thread: TraceEvent[];
} {
  const mains = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key) || e.ph !== 'X') continue;
    const list = byThread.get(key) ?? [];
    if (!list.length) byThread.set(key, list);
    list.push(e);
  }
  let best: TraceEvent[] = [];
  let bestBusy = -1;
  for (const list of byThread.values()) {
    const busy = list.filter((e) => e.name === 'RunTask').reduce((s, e) => s + (e.dur ?? 0), 0);
    if (busy > bestBusy) {
      bestBusy = busy;
      best = list;
    }
  }
  best.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));

  const tasks: Task[] = [];
  interface Open {
    ts: number;
    end: number;
    ours: number;
    page: number;
    shared: boolean;
    startup: boolean;
    contentStart?: number;
    scriptEnd: number;
    /** The outermost script event open at `scriptEnd` is ours. */
    inOurs: boolean;
    /** Thread time of the task, and of the collector in it (outermost steps), µs. */
    cpu: number;
    gc: number;
    gcEnd: number;
    parts: Map<string, number>;
    inside: Map<string, number>;
  }
  let current: Open | null = null;
  const close = () => {
    if (!current) return;
    const dur = current.end - current.ts;
    const whole = current.ours > 0 && current.page === 0 && !current.shared;
    // Thread time can come out above wall time on a loaded machine (the two clocks are read
    // apart); a task cannot have done more work than it lasted.
    const work = whole ? Math.max(0, Math.min(current.cpu, dur) - current.gc) : current.ours;
    const parts = [...current.parts]
      .map(([k, v]) => [k, v / 1000] as [string, number])
      .sort((a, b) => b[1] - a[1]);
    tasks.push({
      ts: current.ts / 1000,
      dur: dur / 1000,
      ours: (whole ? dur : current.ours) / 1000,
      work: work / 1000,
      startup: current.startup,
      ...(current.contentStart === undefined ? {} : { contentStart: current.contentStart / 1000 }),
      parts,
      cpu: Math.min(current.cpu, dur) / 1000,
      inside: [...current.inside]
        .map(([k, v]) => [k, v / 1000] as [string, number])
        .sort((a, b) => b[1] - a[1]),
    });
    current = null;
  };
  for (const e of best) {
    const end = e.ts + (e.dur ?? 0);
    if (e.name === 'RunTask' && (!current || e.ts >= current.end)) {
      close();
      current = {
        ts: e.ts,
        end,
        ours: 0,
        page: 0,
        shared: false,
        startup: false,
        scriptEnd: e.ts,
        inOurs: false,
        cpu: e.tdur ?? e.dur ?? 0,
        gc: 0,
        gcEnd: e.ts,
        parts: new Map(),
        inside: new Map(),
      };
      continue;
    }
    if (!current || e.ts >= current.end) continue;
    // The task's own wrappers ("ThreadControllerImpl::RunTask") last as long as it: no breakdown.
    if (!e.name.endsWith('RunTask')) {
      const kind = insideName(e);
      current.inside.set(kind, (current.inside.get(kind) ?? 0) + (e.dur ?? 0));
    }
    if (isGc(e.name) && e.ts >= current.gcEnd) {
      current.gc += e.tdur ?? e.dur ?? 0;
      current.gcEnd = end;
    }
    if (SHARED_WORK.has(e.name) && !(current.inOurs && e.ts < current.scriptEnd)) {
      current.shared = true;
    }
    if (PARTS.has(e.name)) {
      current.parts.set(e.name, (current.parts.get(e.name) ?? 0) + (e.dur ?? 0));
    }
    if (!SCRIPT_EVENTS.has(e.name)) continue;
    // Only the outermost script event counts (v8.run inside EvaluateScript, and so on).
    if (e.ts < current.scriptEnd) continue;
    current.scriptEnd = end;
    const url = scriptUrl(e);
    current.inOurs = url?.startsWith('chrome-extension://') ?? false;
    if (url?.startsWith('chrome-extension://')) {
      current.ours += e.dur ?? 0;
      if (e.name === 'EvaluateScript' || e.name === 'v8.compile') current.startup = true;
      if (url.endsWith('/content-scripts/content.js')) current.contentStart ??= e.ts;
    } else if (url) current.page += e.dur ?? 0;
  }
  close();
  return { tasks, thread: best };
}

export interface TaskSummary {
  /** Main-thread busy time (all tasks), ms. */
  busy: number;
  /** Our share, ms. */
  ours: number;
  /** Our longest share of one task, ms: a whole task of ours, or our part of a shared one. */
  longestOurs: number;
  /** The longest of our own work in one task (`Task.work`), ms. */
  longestWork: number;
  /** The longest task that ran any of our code, whoever did most of it, ms. */
  longestWithOurs: number;
  /** Tasks in which our share was over 50 ms. */
  oursOver50: number;
  /** Their blocking time (our share beyond 50 ms), ms. */
  tbtOurs: number;
  /** Our share in the tasks that evaluated the content script, ms. */
  startup: number;
  /** When our first and last tasks started, ms (trace clock). */
  firstOurs: number;
  /** When the main content script first ran, ms (trace clock). */
  contentStart: number;
  lastOurs: number;
  /** Every task over 50 ms: its length, our share and what it did. */
  long: { dur: number; ours: number; parts: [string, number][] }[];
  /** Rendering work in all tasks, ms: style, layout, pre-paint, paint. */
  rendering: Record<string, number>;
  /** The longest single style recalculation, ms. */
  longestStyle: number;
  /** The task with our longest share in it (`longestOurs`). */
  longestTask: Task | null;
}

const RENDERING = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint'];

export function summarize(tasks: readonly Task[], from = -Infinity, to = Infinity): TaskSummary {
  const s: TaskSummary = {
    busy: 0,
    ours: 0,
    longestOurs: 0,
    longestWork: 0,
    longestWithOurs: 0,
    oursOver50: 0,
    tbtOurs: 0,
    startup: 0,
    firstOurs: Number.NaN,
    contentStart: Number.NaN,
    lastOurs: Number.NaN,
    long: [],
    rendering: Object.fromEntries(RENDERING.map((k) => [k, 0])),
    longestStyle: 0,
    longestTask: null,
  };
  for (const t of tasks) {
    if (t.ts < from || t.ts >= to) continue;
    s.busy += t.dur;
    s.ours += t.ours;
    for (const [k, v] of t.parts) {
      if (k in s.rendering) s.rendering[k] = (s.rendering[k] ?? 0) + v;
      if (k === 'UpdateLayoutTree') s.longestStyle = Math.max(s.longestStyle, v);
    }
    if (t.dur > 50) s.long.push({ dur: t.dur, ours: t.ours, parts: t.parts.slice(0, 4) });
    if (t.startup) s.startup += t.ours;
    if (t.contentStart !== undefined && Number.isNaN(s.contentStart))
      s.contentStart = t.contentStart;
    if (t.ours > 0) {
      if (Number.isNaN(s.firstOurs)) s.firstOurs = t.ts;
      s.lastOurs = t.ts + t.dur;
      if (t.ours > s.longestOurs) s.longestTask = t;
      s.longestOurs = Math.max(s.longestOurs, t.ours);
      s.longestWork = Math.max(s.longestWork, t.work);
      s.longestWithOurs = Math.max(s.longestWithOurs, t.dur);
      if (t.ours > 50) {
        s.oursOver50++;
        s.tbtOurs += t.ours - 50;
      }
    }
  }
  return s;
}

/** Timestamps (ms, trace clock) of `performance.mark(name)` calls on the page (`navigationStart`
 * is one too). */
export function marks(thread: readonly TraceEvent[], all: readonly TraceEvent[], name: string) {
  const pid = thread[0]?.pid;
  return all
    .filter((e) => e.name === name && e.cat.includes('blink.user_timing') && e.pid === pid)
    .map((e) => e.ts / 1000)
    .sort((a, b) => a - b);
}
