/**
 * One batched MutationObserver for the document and every open shadow root we read. The
 * callback only stores records; a task soon after folds them into the set of owners whose text
 * changed, the nodes that were added, and whether any were removed, and hands that to the
 * scanner, which does the real work in slices.
 */
import { isBlock, isSkipped, ownerOf, type ReadRoot } from './dom-rules';

export interface Batch {
  dirty: Set<ReadRoot>;
  added: Node[];
  removed: boolean;
  /** An element left the page (or moved, which is leaving and coming back). */
  removedElements: boolean;
  /** So many records that folding them would cost more than reading the page again. */
  huge: boolean;
}

export interface BatchedObserver {
  observe(root: Document | ShadowRoot): void;
  /** Runs `fn`, which changes the DOM itself, without reporting those changes. */
  quietly<T>(fn: () => T): T;
}

const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true };
/** Records per batch beyond which the batch is `huge`. */
const HUGE_RECORDS = 20_000;

export function createBatchedObserver(
  onBatch: (batch: Batch) => void,
  signal: AbortSignal,
): BatchedObserver {
  let records: MutationRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const observed = new WeakSet<Node>();

  const flush = () => {
    timer = null;
    const batch = fold(records);
    records = [];
    if (batch.huge || batch.dirty.size || batch.added.length || batch.removed) onBatch(batch);
  };

  const observer = new MutationObserver((list) => {
    // Nothing here but storing: the page's own mutation handling must not wait for us.
    if (records.length < HUGE_RECORDS) {
      for (const r of list) records.push(r);
    } else {
      records.length = HUGE_RECORDS + 1;
    }
    timer ??= setTimeout(flush, 0);
  });

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
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
        if (records.length) timer ??= setTimeout(flush, 0);
      }
    },
  };
}

/** Folds mutation records into owners to read again. Exported for tests. */
export function fold(records: MutationRecord[]): Batch {
  const dirty = new Set<ReadRoot>();
  const added: Node[] = [];
  let removed = false;
  let removedElements = false;
  if (records.length > HUGE_RECORDS) {
    return { dirty, added, removed: true, removedElements: true, huge: true };
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
  return { dirty, added, removed, removedElements, huge: false };
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
