/**
 * Finds the mentions on a page and keeps them current.
 *
 * Work is queued per owner (a block element or an open shadow root, see `dom-rules.ts`) and
 * done in slices: owners in the viewport first, then the rest of the page, in document order,
 * when idle. Each
 * owner's mentions are replaced as a whole when it is read again, which is what a change in the
 * page (reported by `observer.ts`) asks for. Long runs are matched window by window, so even a
 * single block of megabytes never takes one long task.
 */
import type { EntityId, Mention } from '../../core/types';
import type { Found } from '../found';
import {
  type Collected,
  type Collector,
  createCollector,
  type NestedWalk,
  rangeFor,
  walkNested,
  wholeText,
} from '../read/collect-text';
import { isBlock, ownerOf, type ReadRoot } from '../read/dom-rules';
import { type MatchFn, matchWindow } from './match-windows';
import type { Batch } from './observer';
import { createSliceRunner, type SliceRunner } from './slices';
import { ShardedWeakSet } from './weak-shards';

export type ScanState = 'loading' | 'ready' | 'too-large';

export interface ScannerOptions {
  root: Document;
  match: MatchFn;
  signal: AbortSignal;
  /** Mentions of an owner that left the page, or that a new reading of it no longer has. */
  onRemove(found: Found[]): void;
  /** New mentions of an owner. */
  onAdd(found: Found[]): void;
  /**
   * Mentions kept from the previous reading of an owner whose ranges were set again (the page
   * rewrote their text nodes, which collapses live ranges): to be painted again.
   */
  onMoved?(found: Found[]): void;
  /** An open shadow root was found (to observe it and to style highlights inside it). */
  onShadowRoot(root: ShadowRoot): void;
  /** The state changed or the first pass finished. */
  onState(state: ScanState): void;
  /** Characters of text read in one stretch beyond which the page counts as too large. */
  limitChars?: number;
  /** Wrappers of nodes one stretch of reading may keep (see DEFAULT_LIMIT_NODES). */
  limitNodes?: number;
  /** Nodes one owner may hold while it is read (see DEFAULT_LIMIT_OWNER_NODES). */
  limitOwnerNodes?: number;
  budgetMs?: number;
  /** How many entities `seen` can hold at most (nothing to wait for once all are seen). */
  entityCount?: number;
}

/** A generous limit: 20 million characters is a few thousand book pages. */
export const DEFAULT_LIMIT_CHARS = 20_000_000;
/**
 * Every node a content script reads gets a wrapper in its world, and the wrappers that stay
 * alive (held by us, or used as keys of a WeakSet, as `scanned` does with every block read) stay
 * in one hash table of that world's; the page's own script keeps its wrappers in the nodes. That
 * table grows by rehashing all of itself, in whichever of our tasks makes the wrapper that
 * crosses the line, and no slicing of ours shortens it: measured here from an isolated world
 * (Chromium 156, a shared 2-core EPYC), 30-48 ms at 131,072 wrappers, 92 ms at 262,144 and
 * 175 ms at 524,288. A list of 200,000 rows had tasks of ours of 65-116 ms, a paragraph of a
 * million text nodes one of 133 ms. So a stretch of reading that would keep more wrappers than
 * this (one per block read, and every node of the block being read, whose text nodes it holds
 * until it is matched) stops, and the page waits for the user to ask: a news page has a few
 * thousand blocks; the 2 MB page of the benchmark 23,000, the 19 MB page of the tests 57,000.
 */
export const DEFAULT_LIMIT_NODES = 80_000;
/**
 * A single owner being read holds every text node it has read until it is matched, so one
 * owner of many nodes (a paragraph of a million text nodes made by script) stops sooner: at
 * 60,000 nodes the table of wrappers stays under its step at 65,536 entries. Measured on that
 * paragraph (Chromium 150, a shared 2-core EPYC): read up to 80,000 nodes, idle slices of ours
 * with 21–29 ms of our own work (41 ms once in ten loads), the table growing inside them;
 * stopped at 60,000, 7–16 ms in four loads.
 */
export const DEFAULT_LIMIT_OWNER_NODES = 60_000;
/** When one batch of changes touches more owners than this, re-reading the page is cheaper. */
const HUGE_BATCH = 5000;

interface Job {
  owner: ReadRoot;
  /** Reading the owner's text, until it is read (then `collected`). */
  collector: Collector | null;
  collected: Collected;
  run: number;
  from: number;
  found: Found[];
  /** Entities whose ambiguous names the owner holds without context yet (see `waiting`). */
  undecided: Set<EntityId>;
  /** The owner's whole text, already matched, and what that found (see `beginJob`). */
  whole: { text: string; mentions: Mention[] } | null;
}

/** The nested owners of one owner, queued together: found one by one, in document order. */
class NestedOwners {
  constructor(readonly walk: NestedWalk) {}
}

export interface Scanner {
  readonly state: ScanState;
  /** Starts the first pass: the viewport first, then the rest. */
  start(): void;
  /** The page changed: a batch of the observer's that is not `huge`. */
  changed(change: Omit<Batch, 'huge'>): void;
  /** Re-reads everything (after a batch of changes too large to fold). */
  rescan(): void;
  /** Reads these owners again soon. */
  refresh(owners: Iterable<ReadRoot>): void;
  /** Goes on past the size limit. */
  processAnyway(): void;
  /** Every mention found, per owner. */
  all(): IterableIterator<Found[]>;
  /** The mentions found in one owner. */
  foundIn(owner: ReadRoot): readonly Found[] | undefined;
  /** Entities mentioned unambiguously so far. */
  readonly seen: Set<EntityId>;
}

export function createScanner(opts: ScannerOptions): Scanner {
  const { root, match, signal } = opts;
  const limitChars = opts.limitChars ?? DEFAULT_LIMIT_CHARS;
  const limitNodes = opts.limitNodes ?? DEFAULT_LIMIT_NODES;
  const limitOwnerNodes = opts.limitOwnerNodes ?? DEFAULT_LIMIT_OWNER_NODES;
  const states = new Map<ReadRoot, Found[]>();
  /**
   * Owners read at least once since they were (re)attached; their nested owners are queued.
   * Sharded (see `weak-shards.ts`): one WeakSet of a big page's blocks grows in single steps of
   * up to 127 ms. (A mark on our own wrapper of each node instead, under a symbol, had no such
   * step but kept every wrapper alive: the garbage collector's marking steps in our tasks on a
   * 20 MB page grew to 50-70 ms.)
   */
  let scanned = new ShardedWeakSet<ReadRoot>();
  /** An element has left the page since reading began (see `changed`). */
  let elementsLeft = false;
  const urgent: ReadRoot[] = [];
  /**
   * A stack, so the rest of the page is read depth first, in document order: from the top
   * down (where a freshly loaded page is looked at), and full names before the surnames that
   * follow them (the matcher's `seen` looks back).
   */
  const idle: (ReadRoot | NestedOwners)[] = [];
  /**
   * Which queue each owner queued on its own is in; an owner in both is taken from the first to
   * come. (Owners found through `NestedOwners` are not here: 60,000 paragraphs of one owner
   * would grow this map by copying it, as above.)
   */
  const queued = new Map<ReadRoot, 'urgent' | 'idle'>();
  const seen = new Set<EntityId>();
  let job: Job | null = null;
  /**
   * What this stretch of reading has read (reset each time there is nothing left to read): the
   * limits are on the work done at once, so that a feed read batch after batch for hours is
   * never taken for a page too large.
   */
  let chars = 0;
  let nodes = 0;
  let unlimited = false;
  let sweep = false;
  let state: ScanState = 'loading';

  const setState = (s: ScanState) => {
    if (s === state) return;
    state = s;
    opts.onState(s);
  };

  const enqueue = (owner: ReadRoot, fast: boolean) => {
    const where = queued.get(owner);
    if (where === 'urgent' || (where === 'idle' && !fast)) return;
    queued.set(owner, fast ? 'urgent' : 'idle');
    (fast ? urgent : idle).push(owner);
  };

  const drop = (owner: ReadRoot) => {
    const old = states.get(owner);
    if (old) {
      states.delete(owner);
      opts.onRemove(old);
    }
  };

  const sweepDisconnected = () => {
    sweep = false;
    for (const [owner, list] of states) {
      // Live ranges over removed text collapse onto the removed node's parent.
      const alive =
        owner.isConnected &&
        list.every((f) => !f.range.collapsed && f.range.startContainer.isConnected);
      if (!alive) {
        if (owner.isConnected) enqueue(owner, true);
        else drop(owner);
      }
    }
  };

  let urgentHead = 0;
  /** Takes from the front of a queue in O(1), compacting now and then. */
  const take = (q: ReadRoot[], head: number): [ReadRoot, number] => {
    const item = q[head] as ReadRoot;
    head++;
    if (head === q.length) {
      q.length = 0;
      head = 0;
    } else if (head > 1024 && head * 2 > q.length) {
      q.splice(0, head);
      head = 0;
    }
    return [item, head];
  };
  const pending = () => urgent.length > urgentHead || idle.length > 0;

  /** The next owner to read; null when none waits, undefined when out of time to find one. */
  const next = (hasTime: () => boolean): ReadRoot | null | undefined => {
    let passed = 0;
    while (pending()) {
      let owner: ReadRoot;
      if (urgent.length > urgentHead) [owner, urgentHead] = take(urgent, urgentHead);
      else {
        const top = idle[idle.length - 1] as ReadRoot | NestedOwners;
        if (top instanceof NestedOwners) {
          const found = top.walk.next(hasTime);
          if (found === undefined) return undefined;
          if (found === null) {
            idle.pop();
            continue;
          }
          if (found.nodeType === 11) opts.onShadowRoot(found as ShadowRoot);
          // Read since it was found (on screen first, or changed), or queued on its own.
          if (scanned.has(found) || queued.has(found) || !found.isConnected) {
            if (++passed % 512 === 0 && !hasTime()) return undefined;
            continue;
          }
          return found;
        }
        owner = idle.pop() as ReadRoot;
      }
      if (!queued.delete(owner)) continue; // already taken from the other queue
      if (!owner.isConnected) {
        drop(owner);
        continue;
      }
      return owner;
    }
    return null;
  };

  /**
   * Custom elements seen without a shadow root, looked at again a few times (0.5, 2 and 8 s
   * after the last one was seen): a component whose definition loads late attaches its shadow
   * root without any mutation record that the observer could report.
   */
  const maybeHosts = new Set<Element>();
  let hostTimer: ReturnType<typeof setTimeout> | null = null;
  let hostRound = 0;
  const HOST_DELAYS = [500, 2000, 8000];
  const checkHosts = () => {
    hostTimer = null;
    let found = false;
    for (const el of maybeHosts) {
      const sr = el.shadowRoot;
      if (!el.isConnected || sr) maybeHosts.delete(el);
      if (el.isConnected && sr && !scanned.has(sr)) {
        opts.onShadowRoot(sr);
        enqueue(sr, true);
        found = true;
      }
    }
    if (found) runner.kick(true);
    const delay = HOST_DELAYS[++hostRound];
    if (maybeHosts.size && delay !== undefined) hostTimer = setTimeout(checkHosts, delay);
  };
  signal.addEventListener(
    'abort',
    () => {
      if (hostTimer !== null) clearTimeout(hostTimer);
    },
    { once: true },
  );
  const watchHosts = (els: Element[]) => {
    if (!els.length) return;
    for (const el of els) if (maybeHosts.size < 5000) maybeHosts.add(el);
    hostRound = 0;
    if (hostTimer !== null) clearTimeout(hostTimer);
    hostTimer = setTimeout(checkHosts, HOST_DELAYS[0]);
  };

  const NOTHING: Collected = { runs: [], nested: 0, maybeHosts: [], chars: 0 };

  /** An owner read: its characters, and one wrapper kept (see DEFAULT_LIMIT_NODES). */
  const counted = (ownerChars: number) => {
    chars += ownerChars;
    nodes += 1;
  };

  const beginJob = (owner: ReadRoot): Job => {
    scanned.add(owner);
    const job: Job = {
      owner,
      collector: null,
      collected: NOTHING,
      run: 0,
      from: 0,
      found: [],
      undecided: new Set(),
      whole: null,
    };
    // Most blocks mention nothing. One whose whole text can be taken from the DOM at once is
    // matched on it first, and is done without a node of its own visited unless a mention was
    // found: then its nodes are read, to place the ranges, and what was found is used as is.
    const text = owner.nodeType === 1 ? wholeText(owner as Element) : null;
    if (text !== null) {
      const mentions = match(text, { seen, undecided: job.undecided });
      if (mentions.length === 0) {
        counted(text.length);
        return job;
      }
      job.whole = { text, mentions };
    }
    job.collector = createCollector(owner);
    return job;
  };

  /** Reads the job's owner on while there is time; true once it is read. */
  const collectJob = (j: Job, hasTime: () => boolean): boolean => {
    const collected = j.collector?.step(hasTime);
    if (!collected) return false;
    j.collector = null;
    j.collected = collected;
    counted(collected.chars);
    watchHosts(collected.maybeHosts);
    // One entry on the stack, walked in order: the first nested block is read next, and the
    // blocks nested in it before its next sibling.
    const owner = j.owner;
    if (collected.nested > 0 || (owner.nodeType === 1 && (owner as Element).shadowRoot)) {
      idle.push(new NestedOwners(walkNested(owner, collected.nested)));
    }
    return true;
  };

  /** Matches one window of the job; true when the job is complete. */
  const stepJob = (j: Job, hasTime: () => boolean): boolean => {
    if (j.collector && !collectJob(j, hasTime)) return false;
    const run = j.collected.runs[j.run];
    if (!run) return true;
    // The reading gives the text matched whole, unless the page changed it in between.
    const whole = j.whole?.text === run.text && j.collected.runs.length === 1 ? j.whole : null;
    const { mentions, next: from } = whole
      ? { mentions: whole.mentions, next: -1 }
      : matchWindow(run.text, j.from, match, seen, j.undecided);
    for (const mention of mentions) {
      const range = rangeFor(run, mention.start, mention.end);
      if (range) j.found.push({ mention, range, owner: j.owner, run });
    }
    if (from >= 0) {
      j.from = from;
      return false;
    }
    j.run++;
    j.from = 0;
    return j.run >= j.collected.runs.length;
  };

  /** Blocks that may gain mentions once more entities are seen, with `seen.size` when read. */
  const waiting = new Map<ReadRoot, number>();
  let seenChecked = 0;

  const commit = (j: Job) => {
    // The text may have changed while a long job was sliced: ranges over data that is gone
    // collapse, and the observer has queued the owner again anyway.
    const fresh = j.found.filter((f) => !f.range.collapsed);
    const { found, added, moved, removed } = reconcile(states.get(j.owner), fresh);
    if (found.length) states.set(j.owner, found);
    else states.delete(j.owner);
    if (removed.length) opts.onRemove(removed);
    if (added.length) opts.onAdd(added);
    if (moved.length) opts.onMoved?.(moved);
    if (j.undecided.size > 0 && seen.size < (opts.entityCount ?? Number.POSITIVE_INFINITY))
      waiting.set(j.owner, seen.size);
    else waiting.delete(j.owner);
  };

  /** After a pass, reads again the blocks that were read before an entity was first seen. */
  const recheck = (): boolean => {
    if (seen.size === seenChecked) return false;
    seenChecked = seen.size;
    let queuedAny = false;
    for (const [owner, size] of waiting) {
      if (size >= seen.size) continue;
      waiting.delete(owner);
      if (owner.isConnected) {
        enqueue(owner, false);
        queuedAny = true;
      }
    }
    return queuedAny;
  };

  /** Past a limit: blocks read count one node each, the block being read all it has read. */
  const overLimit = () => {
    if (unlimited) return false;
    const visited = job?.collector?.visited ?? 0;
    return chars > limitChars || nodes + visited > limitNodes || visited > limitOwnerNodes;
  };

  const step = (hasTime: () => boolean): boolean => {
    if (sweep) sweepDisconnected();
    // A long owner stops as soon as it crosses the line, and goes on from there if asked to.
    const withinLimits = () => hasTime() && !overLimit();
    do {
      if (overLimit()) {
        setState('too-large');
        return false;
      }
      if (!job) {
        const owner = next(hasTime);
        if (!owner) break;
        job = beginJob(owner);
      }
      if (stepJob(job, withinLimits)) {
        commit(job);
        job = null;
      }
    } while (hasTime());
    if (job || pending() || recheck()) return true;
    chars = 0;
    nodes = 0;
    setState('ready');
    return false;
  };

  const runner: SliceRunner = createSliceRunner(step, signal, opts.budgetMs);

  /** The owners of what is on screen now, so the first highlights appear where the user looks. */
  const visibleOwners = (): ReadRoot[] => {
    const out = new Set<ReadRoot>();
    const view = root.defaultView;
    if (!view || typeof root.elementsFromPoint !== 'function') return [];
    const w = view.innerWidth;
    const h = view.innerHeight;
    // Points from the middle outwards; hit-testing a huge page is not free, so stop early.
    const points: [number, number][] = [];
    for (let y = 1; y < 8; y++) for (let x = 1; x < 4; x++) points.push([(w * x) / 4, (h * y) / 8]);
    points.sort((a, b) => Math.abs(a[1] - h / 2) - Math.abs(b[1] - h / 2));
    const end = performance.now() + 6;
    for (const [x, y] of points) {
      // The first few elements at a point are the text's own containers; deeper ones are the
      // page's wrappers, which the normal pass reaches anyway.
      for (const el of root.elementsFromPoint(x, y).slice(0, 3)) {
        const owner = ownerOf(el);
        if (owner && (owner.nodeType !== 1 || isBlock(owner as Element))) out.add(owner);
      }
      if (performance.now() > end) break;
    }
    // In document order: an ambiguous short name ("Musk") counts after the full name was read
    // (`seen`), and the full name usually comes first on the page.
    return [...out].sort((a, b) => {
      const pos = a.compareDocumentPosition(b);
      return pos & 4 ? -1 : pos & 2 ? 1 : 0;
    });
  };

  return {
    get state() {
      return state;
    },
    seen,
    start() {
      const begin = (viewportFirst: boolean) => {
        const body = root.body;
        if (signal.aborted || !body) return;
        // Read depth first from the top, the page's first screen comes first anyway; a page
        // opened scrolled down (a restored position, an anchor) has its screen read first.
        const view = root.defaultView;
        if (viewportFirst && view && view.scrollY > view.innerHeight / 2) {
          for (const owner of visibleOwners()) enqueue(owner, true);
        }
        enqueue(body, false);
        runner.kick(urgent.length > urgentHead);
      };
      const view = root.defaultView;
      if (root.visibilityState === 'hidden' || !view) {
        // Nothing is on screen: no viewport to favour, and no frame would come.
        begin(false);
        return;
      }
      // Asking what is at a point needs layout; just after a frame is drawn it is up to date,
      // so our first task never pays for laying out a large page.
      const frame = view.requestAnimationFrame(() => {
        const timer = setTimeout(() => begin(true), 0);
        signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
      });
      signal.addEventListener('abort', () => view.cancelAnimationFrame(frame), { once: true });
    },
    changed({ dirty, added, removed, removedElements, inFrame }) {
      if (removedElements) elementsLeft = true;
      let n = 0;
      for (const node of added) {
        // Until an element has left the page, what is added is new: nothing in it was read,
        // and nothing to forget (a feed that only appends skips a walk per post).
        if (elementsLeft) forget(node);
        const owner = ownerOf(node);
        if (owner) enqueue(owner, true);
        if (++n > HUGE_BATCH) return this.rescan();
      }
      for (const owner of dirty) {
        enqueue(owner, true);
        if (++n > HUGE_BATCH) return this.rescan();
      }
      if (removed) sweep = true;
      if (n > 0 || removed) {
        // In a frame's callbacks: read now, so that what is found is painted in this frame.
        if (inFrame) runner.now();
        else runner.kick(true);
      }
    },
    rescan() {
      scanned = new ShardedWeakSet();
      elementsLeft = false;
      // A new page in place of the old (a single-page app's navigation): a new stretch.
      chars = 0;
      nodes = 0;
      waiting.clear();
      for (const owner of [...states.keys()]) drop(owner);
      job = null;
      urgent.length = 0;
      idle.length = 0;
      urgentHead = 0;
      queued.clear();
      const body = root.body;
      if (body) enqueue(body, false);
      runner.kick(true);
    },
    refresh(owners) {
      // Forgotten first: what is read again is then all new (the fallback painter unwraps
      // the old marks before the block is read).
      for (const owner of owners) {
        drop(owner);
        enqueue(owner, true);
      }
      runner.kick(true);
    },
    processAnyway() {
      unlimited = true;
      setState('loading');
      runner.kick(true);
    },
    all() {
      return states.values();
    },
    foundIn(owner) {
      return states.get(owner);
    },
  };

  /** Added nodes may have been read before (moved, or re-attached): read them again in full. */
  function forget(node: Node) {
    if (node.nodeType === 1) {
      const el = node as Element;
      scanned.delete(el);
      if (el.shadowRoot) forget(el.shadowRoot);
      if (!el.firstElementChild) return;
    } else if (node.nodeType === 11) {
      scanned.delete(node as ShadowRoot);
    } else {
      return;
    }
    const walker = root.createTreeWalker(node, 1);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      scanned.delete(n as Element);
      const sr = (n as Element).shadowRoot;
      if (sr) forget(sr);
    }
  }
}

/**
 * Keeps the mentions of a block's previous reading that a new reading finds again over the same
 * text nodes: the same objects, and the same live Range objects (set to the new boundaries where
 * they moved). A page that re-renders a block, or rewrites the text we highlighted, then sees no
 * new ranges and no churn in the highlight registry, so nothing of ours feeds its loop.
 */
export function reconcile(
  previous: readonly Found[] | undefined,
  fresh: Found[],
): { found: Found[]; added: Found[]; moved: Found[]; removed: Found[] } {
  if (!previous?.length) return { found: fresh, added: fresh, moved: [], removed: [] };
  // Per text node, the previous mentions in order, and how many of them were looked at.
  const byNode = new Map<Node, { list: Found[]; head: number }>();
  for (const f of previous) {
    const at = byNode.get(f.range.startContainer);
    if (at) at.list.push(f);
    else byNode.set(f.range.startContainer, { list: [f], head: 0 });
  }
  const found: Found[] = [];
  const added: Found[] = [];
  const moved: Found[] = [];
  const removed: Found[] = [];
  for (const f of fresh) {
    const r = f.range;
    const at = byNode.get(r.startContainer);
    let old: Found | undefined;
    if (at) {
      // Both readings are in order: look a few ahead only, so a text node with thousands of
      // mentions costs linear time.
      const end = Math.min(at.list.length, at.head + 8);
      for (let i = at.head; i < end; i++) {
        const o = at.list[i] as Found;
        if (
          o.mention.entity === f.mention.entity &&
          o.mention.text === f.mention.text &&
          o.range.endContainer === r.endContainer
        ) {
          for (let k = at.head; k < i; k++) removed.push(at.list[k] as Found);
          at.head = i + 1;
          old = o;
          break;
        }
      }
    }
    if (!old) {
      found.push(f);
      added.push(f);
      continue;
    }
    const o = old.range;
    if (o.startOffset !== r.startOffset || o.endOffset !== r.endOffset) {
      o.setStart(r.startContainer, r.startOffset);
      o.setEnd(r.endContainer, r.endOffset);
      moved.push(old);
    }
    old.mention = f.mention;
    old.run = f.run;
    found.push(old);
  }
  for (const { list, head } of byNode.values()) {
    for (let k = head; k < list.length; k++) removed.push(list[k] as Found);
  }
  return { found, added, moved, removed };
}
