/**
 * One batched MutationObserver for the document and every open shadow root we read. The
 * callback only stores records; soon after, they are folded into the set of owners whose text
 * changed, the nodes that were added, and whether any were removed, and handed to the scanner,
 * which does the real work in slices.
 *
 * "Soon after" is the next animation frame's callbacks where the page draws frames: the scanner
 * then reads what the page just added, and the lens paints it, before that frame is drawn. A
 * change to the highlights costs the browser a rebuild of its markers for every range and a
 * repaint of the text they cover, which it does anyway in a frame that follows a DOM change; in
 * a frame of our own afterwards it was paid twice. New text also appears highlighted in its first frame.
 */
import { isBlock, isSkipped, ownerOf, type ReadRoot } from '../read/dom-rules';

export interface Batch {
  dirty: Set<ReadRoot>;
  added: Node[];
  removed: boolean;
  /** An element left the page (or moved, which is leaving and coming back). */
  removedElements: boolean;
  /** So many records that folding them would cost more than reading the page again. */
  huge: boolean;
  /** Handed over in an animation frame's callbacks, before the frame is drawn. */
  inFrame: boolean;
}

/** What the observer needs of the window to wait for a frame. */
export type FrameView = Pick<Window, 'requestAnimationFrame' | 'cancelAnimationFrame'> & {
  document: Pick<Document, 'visibilityState'>;
};

export interface BatchedObserver {
  observe(root: Document | ShadowRoot): void;
  /** Runs `fn`, which changes the DOM itself, without reporting those changes. */
  quietly<T>(fn: () => T): T;
}

const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true };
/** Records per batch beyond which the batch is `huge`. */
const HUGE_RECORDS = 20_000;
/**
 * How long to wait for a frame before handing a batch over in a task anyway: frames can stop
 * coming while the page still changes (a frame scrolled out of view, a tab being hidden).
 */
const FRAME_WAIT_MS = 100;

/**
 * `view`: the window whose frames to wait for; without one, batches are handed over in the
 * next task.
 */
export function createBatchedObserver(
  onBatch: (batch: Batch) => void,
  signal: AbortSignal,
  view: FrameView | null = null,
): BatchedObserver {
  let records: MutationRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let frame: number | null = null;
  const observed = new WeakSet<Node>();

  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    if (frame !== null) view?.cancelAnimationFrame(frame);
    timer = null;
    frame = null;
  };
  const flush = (inFrame: boolean) => {
    cancel();
    const batch = fold(records, inFrame);
    records = [];
    if (batch.huge || batch.dirty.size || batch.added.length || batch.removed) onBatch(batch);
  };
  const schedule = () => {
    if (timer !== null || signal.aborted) return;
    // A hidden page draws no frames.
    if (!view || view.document.visibilityState === 'hidden') {
      timer = setTimeout(() => flush(false), 0);
      return;
    }
    frame = view.requestAnimationFrame(() => flush(true));
    timer = setTimeout(() => flush(false), FRAME_WAIT_MS);
  };

  const observer = new MutationObserver((list) => {
    // Nothing here but storing: the page's own mutation handling must not wait for us.
    if (records.length < HUGE_RECORDS) {
      for (const r of list) records.push(r);
    } else {
      records.length = HUGE_RECORDS + 1;
    }
    schedule();
  });

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      cancel();
      records = [];
    },
    { once: true },
  );

  return {
    observe(root) {
      if (signal.aborted || observed.has(root)) return;
      observed.add(root);
      observer.observe(root, OPTIONS);
    },
    quietly(fn) {
      // Keep what the page changed before, then drop what `fn` changes.
      for (const r of observer.takeRecords()) records.push(r);
      try {
        return fn();
      } finally {
        observer.takeRecords();
        if (records.length) schedule();
      }
    },
  };
}

/** Folds mutation records into owners to read again. Exported for tests. */
export function fold(records: MutationRecord[], inFrame = false): Batch {
  const dirty = new Set<ReadRoot>();
  const added: Node[] = [];
  let removed = false;
  let removedElements = false;
  if (records.length > HUGE_RECORDS) {
    return { dirty, added, removed: true, removedElements: true, huge: true, inFrame };
  }
  // Many records share a target (a list getting items, a text node typed into): look each up once.
  let lastTarget: Node | null = null;
  for (const r of records) {
    if (r.type === 'childList') {
      if (r.removedNodes.length) {
        removed = true;
        removedElements ||= hasElement(r.removedNodes);
      } else if (addsBlocksOnly(r)) {
        // A feed appending posts: the container's own text is unchanged, only the new blocks
        // are read (re-reading the container would cost time growing with the feed).
        for (const n of r.addedNodes) if (n.nodeType === 1) added.push(n);
        continue;
      }
      for (const n of r.addedNodes) {
        if (n.nodeType === 1 || n.nodeType === 3) added.push(n);
      }
      if (!r.addedNodes.length && !r.removedNodes.length) continue;
    }
    if (r.target === lastTarget) continue;
    lastTarget = r.target;
    const owner = ownerOf(r.target);
    if (owner) dirty.add(owner);
  }
  return { dirty, added, removed, removedElements, huge: false, inFrame };
}

function hasElement(nodes: NodeList): boolean {
  for (const n of nodes) if (n.nodeType === 1) return true;
  return false;
}

const blank = (n: Node) => n.nodeType === 3 && !/\S/.test((n as Text).data);
const apart = (n: Node | null) =>
  n === null ||
  blank(n) ||
  n.nodeType === 8 ||
  (n.nodeType === 1 && (isBlock(n as Element) || isSkipped(n as Element)));

/**
 * True when a record only added blocks (or blank text) between nodes that already end a run:
 * the target's own runs read the same after it, none is split.
 */
function addsBlocksOnly(r: MutationRecord): boolean {
  const nodes = r.addedNodes;
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  if (!first || !last) return false;
  // Inside an inline element, the run goes on past its ends: a block there splits it.
  const t = r.target;
  if (t.nodeType !== 11 && !(t.nodeType === 1 && isBlock(t as Element))) return false;
  for (const n of nodes) if (!apart(n)) return false;
  // Their neighbours as the page is now (moved since: read the target, to be safe).
  if (first.parentNode !== r.target || last.parentNode !== r.target) return false;
  return apart(first.previousSibling) && apart(last.nextSibling);
}
