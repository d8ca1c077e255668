/**
 * Reading one owner: its text collected (in slices, if it is long), matched window by window,
 * and each mention given a live Range. Most blocks mention nothing: one whose whole text can be
 * taken from the DOM at once is matched on it first, and is done without a node of its own
 * visited unless a mention was found; then its nodes are read, to place the ranges, and what
 * was found is used as is. A block of such blocks is asked of the gate first, all at once.
 */
import type { EntityId, Mention } from '../../core/types';
import type { Found } from '../found';
import { type Collected, type Collector, createCollector } from '../read/collect-text';
import type { ReadRoot } from '../read/dom-rules';
import { mayHideBoundary } from '../read/drawn-apart';
import { rangeFor } from '../read/run';
import { settle } from '../read/settle';
import { isShown } from '../read/shown';
import { blocksApart, blocksText, wholeText } from '../read/whole-text';
import { type MatchFn, matchWindow } from './match-windows';

export interface ReadJob {
  owner: ReadRoot;
  /** Reading the owner's text, until it is read (then `collected`). */
  collector: Collector | null;
  collected: Collected;
  run: number;
  from: number;
  found: Found[];
  /** Elements holding mentions that are not drawn (see `read/shown.ts`): left out of `found`. */
  hidden: Element[];
  /** Entities whose ambiguous names the owner holds without context yet. */
  undecided: Set<EntityId>;
  /**
   * The owner's whole text, already matched, what that found, and what it would add to the
   * page's `seen` and the owner's `undecided`: kept only if the reading gives the same text
   * (page chrome, left out of the reading, must not count on the page).
   */
  whole: {
    text: string;
    mentions: Mention[];
    seen: Set<EntityId>;
    undecided: Set<EntityId>;
  } | null;
}

export interface JobContext {
  match: MatchFn;
  /**
   * Whether a name could be in a text (the gate of stage one, core/gate.ts), asked of the blocks
   * nested in an owner, glued and apart: where it says no, none of those blocks is read.
   */
  mayName?: (text: string) => boolean;
  /** Entities mentioned unambiguously so far on the page. */
  seen: Set<EntityId>;
  /** An owner's text was read whole without visiting its nodes: its length. */
  readWhole(chars: number): void;
  /** An owner's nodes were read. */
  collected(job: ReadJob, collected: Collected): void;
}

const NOTHING: Collected = { runs: [], nested: 0, maybeHosts: [], chars: 0 };

export function beginJob(owner: ReadRoot, ctx: JobContext): ReadJob {
  const job: ReadJob = {
    owner,
    collector: null,
    collected: NOTHING,
    run: 0,
    from: 0,
    found: [],
    hidden: [],
    undecided: new Set(),
    whole: null,
  };
  const el = owner.nodeType === Node.ELEMENT_NODE ? (owner as Element) : null;
  const text = el ? wholeText(el) : null;
  // A block of blocks (a `div` of paragraphs) in which the gate sees no name, glued and apart:
  // none of its blocks is read, nor queued. The gate reads glued text; the matcher could not.
  if (el && text === null && ctx.mayName) {
    const all = blocksText(el);
    if (all !== null && !ctx.mayName(all)) {
      const apart = blocksApart(el, all);
      if (apart !== null && (apart === all || !ctx.mayName(apart))) {
        ctx.readWhole(all.length);
        return job;
      }
    }
  }
  if (text !== null) {
    const seen = new Set(ctx.seen);
    const undecided = new Set<EntityId>();
    const mentions = ctx.match(text, { seen, undecided });
    // Elements glued without white space ("By<b>Elon Musk</b>" in two boxes) may read apart
    // once their nodes are read: only then is the whole text's silence not the last word.
    const glued = (owner as Element).childElementCount > 0 && mayHideBoundary(text);
    if (mentions.length === 0 && !glued) {
      // No mention: nothing to leave out, and its undecided names still wait for context.
      for (const e of undecided) job.undecided.add(e);
      ctx.readWhole(text.length);
      return job;
    }
    if (mentions.length > 0) job.whole = { text, mentions, seen, undecided };
  }
  job.collector = createCollector(owner);
  return job;
}

/** Reads and matches the job on while there is time; true when the job is complete. */
export function stepJob(j: ReadJob, hasTime: () => boolean, ctx: JobContext): boolean {
  if (j.collector) {
    const collected = j.collector.step(hasTime);
    if (!collected) return false;
    j.collector = null;
    j.collected = collected;
    ctx.collected(j, collected);
  }
  let run = j.collected.runs[j.run];
  if (!run) return true;
  let settled: Mention[] | undefined;
  if (run.glued) {
    // Settled once, before its first window: the runs it reads as take its place.
    const done = settle(run, ctx.match, ctx.seen, j.undecided);
    j.collected.runs.splice(j.run, 1, ...done.runs);
    settled = done.mentions;
    run = j.collected.runs[j.run];
    if (!run) return j.run >= j.collected.runs.length;
  }
  // The reading gives the text matched whole, unless the page changed it in between.
  const whole = j.whole?.text === run.text && j.collected.runs.length === 1 ? j.whole : null;
  if (whole && !settled) {
    for (const e of whole.seen) ctx.seen.add(e);
    for (const e of whole.undecided) j.undecided.add(e);
  }
  const known = settled ?? whole?.mentions;
  const { mentions, next: from } = known
    ? { mentions: known, next: -1 }
    : matchWindow(run.text, j.from, ctx.match, ctx.seen, j.undecided);
  for (const mention of mentions) {
    const range = rangeFor(run, mention.start, mention.end);
    if (!range) continue;
    if (isShown(range.startContainer)) j.found.push({ mention, range, owner: j.owner, run });
    else {
      const el = range.startContainer.parentElement;
      if (el && !j.hidden.includes(el)) j.hidden.push(el);
    }
  }
  if (from >= 0) {
    j.from = from;
    return false;
  }
  j.run++;
  j.from = 0;
  return j.run >= j.collected.runs.length;
}
