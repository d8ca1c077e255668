/**
 * Finds the mentions on a page and keeps them current.
 *
 *   start / changed ─▶ work-queue ─▶ read-job (collect-text → match-windows → ranges)
 *                                        └─▶ found-store (reconcile) ─▶ onAdd / onRemove / onMoved
 *
 * Work is queued per owner (a block element or an open shadow root, see `read/dom-rules.ts`)
 * and done in slices (`slices.ts`): owners in the viewport first, then the rest of the page, in
 * document order, when idle. Each owner's mentions are replaced as a whole when it is read
 * again, which is what a change in the page (reported by `observer.ts`) asks for. Long runs are
 * matched window by window, so even a single block of megabytes never takes one long task.
 */
import type { EntityId } from '../../core/types';
import {
  DEFAULT_LIMIT_CHARS,
  DEFAULT_LIMIT_NODES,
  DEFAULT_LIMIT_OWNER_NODES,
  HUGE_BATCH,
} from '../budgets';
import type { Found } from '../found';
import { ownerOf, type ReadRoot } from '../read/dom-rules';
import { walkNested } from '../read/walk-nested';
import { shadowOf } from '../read/shadow';
import { createFoundStore, type FoundEvents } from './found-store';
import { createHiddenWatch } from './hidden-watch';
import { createLateHosts } from './late-hosts';
import type { MatchFn } from './match-windows';
import type { Batch } from './observer';
import { beginJob, type JobContext, type ReadJob, stepJob } from './read-job';
import { ReadMarks } from './read-marks';
import { createSliceRunner } from './slices';
import { startFirstPass } from './viewport';
import { createWorkQueue } from './work-queue';

/** `failed`: a slice threw; reading stopped on this page until `retry`. */
export type ScanState = 'loading' | 'ready' | 'too-large' | 'failed';

export interface ScannerOptions extends FoundEvents {
  root: Document;
  match: MatchFn;
  /** See `JobContext.mayName`. */
  mayName?: (text: string) => boolean;
  signal: AbortSignal;
  /** An open shadow root was found (to observe it and to style highlights inside it). */
  onShadowRoot(root: ShadowRoot): void;
  /** The state changed or the first pass finished. */
  onState(state: ScanState): void;
  /** A slice threw (reading has stopped: the state is `failed`). */
  onError?(error: unknown): void;
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

export interface Scanner {
  readonly state: ScanState;
  /** Starts the first pass: the viewport first, then the rest. */
  start(): void;
  /** The page changed: a batch of the observer's that is not `huge`. */
  changed(change: Omit<Batch, 'huge'>): void;
  /** Re-reads everything (after a batch of changes too large to fold, or after a failure). */
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
  /** The owner last begun: the one whose text `match` is given while it runs. */
  readonly reading: ReadRoot | null;
}

/** `opts` with its size limits, or the defaults. */
const withLimits = (opts: ScannerOptions) => ({
  ...opts,
  limitChars: opts.limitChars ?? DEFAULT_LIMIT_CHARS,
  limitNodes: opts.limitNodes ?? DEFAULT_LIMIT_NODES,
  limitOwnerNodes: opts.limitOwnerNodes ?? DEFAULT_LIMIT_OWNER_NODES,
});

export function createScanner(opts: ScannerOptions): Scanner {
  const { root, signal, limitChars, limitNodes, limitOwnerNodes } = withLimits(opts);
  const seen = new Set<EntityId>();
  const store = createFoundStore(opts, seen, opts.entityCount);
  const marks = new ReadMarks();
  const queue = createWorkQueue({
    isRead: (owner) => marks.has(owner),
    onShadowRoot: opts.onShadowRoot,
    onGone: store.drop,
  });
  const reread = (owner: ReadRoot) => queue.add(owner, true);
  const hosts = createLateHosts(
    signal,
    (sr) => marks.has(sr),
    (sr) => {
      opts.onShadowRoot(sr);
      reread(sr);
    },
    () => runner.kick(true),
  );
  // Forgotten first, so what is read again is all new (the fallback painter unwraps old marks).
  const refresh = (owners: Iterable<ReadRoot>) => {
    for (const owner of owners) {
      store.drop(owner);
      reread(owner);
    }
    runner.kick(true);
  };
  /** An element has left the page since reading began (see `changed`). */
  let elementsLeft = false;
  let job: ReadJob | null = null;
  /**
   * What this stretch of reading has read (reset each time there is nothing left to read): the
   * limits are on the work done at once, so that a feed read batch after batch for hours is
   * never taken for a page too large. Blocks read count one node each (one wrapper kept).
   */
  let chars = 0;
  let nodes = 0;
  let unlimited = false;
  let sweep = false;
  let state: ScanState = 'loading';
  let reading: ReadRoot | null = null;
  const hiddenWatch = createHiddenWatch(signal, (owner) => refresh([owner]));

  const setState = (s: ScanState) => {
    if (s === state) return;
    state = s;
    opts.onState(s);
  };
  const jobs: JobContext = {
    match: opts.match,
    mayName: opts.mayName,
    seen,
    readWhole(ownerChars) {
      chars += ownerChars;
      nodes += 1;
    },
    collected(j, collected) {
      chars += collected.chars;
      nodes += 1;
      hosts.watch(collected.maybeHosts);
      // One entry on the stack, walked in order: the first nested block is read next, and the
      // blocks nested in it before its next sibling.
      const owner = j.owner;
      const isHost = owner.nodeType === Node.ELEMENT_NODE && shadowOf(owner as Element);
      if (collected.nested > 0 || isHost) queue.addNested(walkNested(owner, collected.nested));
    },
  };

  /** Past a limit: blocks read count one node each, the block being read all it has read. */
  const overLimit = () => {
    if (unlimited) return false;
    const visited = job?.collector?.visited ?? 0;
    return chars > limitChars || nodes + visited > limitNodes || visited > limitOwnerNodes;
  };

  const step = (hasTime: () => boolean): boolean => {
    if (sweep) {
      sweep = false;
      store.sweep(reread);
    }
    // A long owner stops as soon as it crosses the line, and goes on from there if asked to.
    const withinLimits = () => hasTime() && !overLimit();
    do {
      if (overLimit()) {
        setState('too-large');
        return false;
      }
      if (!job) {
        const owner = queue.next(hasTime);
        if (!owner) break;
        marks.add(owner);
        reading = owner;
        job = beginJob(owner, jobs);
      }
      if (stepJob(job, withinLimits, jobs)) {
        store.commit(job.owner, job.found, job.undecided);
        if (job.hidden.length) hiddenWatch.watch(job.owner, job.hidden);
        job = null;
      }
    } while (hasTime());
    if (job || queue.pending() || store.recheck((owner) => queue.add(owner, false))) return true;
    chars = 0;
    nodes = 0;
    setState('ready');
    return false;
  };

  const runner = createSliceRunner(step, signal, opts.budgetMs, (error) => {
    job = null;
    setState('failed');
    opts.onError?.(error);
  });

  return {
    get reading() {
      return reading;
    },
    get state() {
      return state;
    },
    seen,
    start() {
      startFirstPass(root, signal, (owners, body) => {
        for (const owner of owners) reread(owner);
        queue.add(body, false);
        runner.kick(queue.urgent());
      });
    },
    changed({ dirty, added, removed, removedElements, inFrame }) {
      if (state === 'failed') return;
      if (removedElements) elementsLeft = true;
      // Until an element has left the page, what is added is new: nothing in it was read, and
      // nothing to forget (a feed that only appends skips a walk per post).
      const forget = elementsLeft ? (node: Node) => marks.forget(node, root) : null;
      const n = queueChanged(added, dirty, forget, reread);
      if (n > HUGE_BATCH) return this.rescan();
      if (removed) sweep = true;
      if (n > 0 || removed) {
        // In a frame's callbacks: read now, so that what is found is painted in this frame.
        if (inFrame) runner.now();
        else runner.kick(true);
      }
    },
    rescan() {
      marks.clear();
      elementsLeft = false;
      // A new page in place of the old (a single-page app's navigation): a new stretch.
      chars = 0;
      nodes = 0;
      store.clear();
      job = null;
      queue.clear();
      if (state === 'failed') setState('loading');
      if (root.body) queue.add(root.body, false);
      runner.kick(true);
    },
    refresh,
    processAnyway() {
      unlimited = true;
      setState('loading');
      runner.kick(true);
    },
    all: store.all,
    foundIn: store.foundIn,
  };
}

/**
 * Queues the owners of a batch's added nodes and changed owners; returns how many were queued,
 * stopping as soon as there are more than HUGE_BATCH.
 */
function queueChanged(
  added: Iterable<Node>,
  dirty: Iterable<ReadRoot>,
  forget: ((node: Node) => void) | null,
  reread: (owner: ReadRoot) => void,
): number {
  let n = 0;
  for (const node of added) {
    forget?.(node);
    const owner = ownerOf(node);
    if (owner) reread(owner);
    if (++n > HUGE_BATCH) return n;
  }
  for (const owner of dirty) {
    reread(owner);
    if (++n > HUGE_BATCH) return n;
  }
  return n;
}
