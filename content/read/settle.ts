/**
 * Settles a run's glued boundaries (`Run.glued`) by layout, asked only where a name is at
 * stake (issue #16). The run is read with a space at every such boundary, as a flex row of
 * links or chips is drawn, and also as glued; only a boundary that a name of either reading
 * crosses is measured. A row of two hundred tag links measures none (each name sits between
 * two boundaries), and its spaced reading, matched once, is the result.
 *
 * A boundary no name crosses keeps its space: at a name's edge it parts the name from the word
 * glued to it (`<span>By</span><span>Elon Musk</span>`), elsewhere it changes nothing. A crossed
 * one drawn together (inside "Open<span>AI</span>") is glued; drawn in boxes of their own (two
 * buttons "Open" "AI") it ends the run there, as a block does; drawn with a gap, it stays a
 * space. Only a glue or an end makes the run be matched again.
 */
import { MATCH_WINDOW } from '../budgets';
import type { MatchFn } from '../scan/match-windows';
import type { EntityId, Mention } from '../../core/types';
import { drawnApart } from './drawn-apart';
import type { Glued, Run, Segment } from './run';

const HAS_TEXT = /\S/;

type Join = 'glue' | 'space' | 'end';

/** What settling gives: the runs, and the mentions of the only one when it is already matched. */
export interface Settled {
  runs: Run[];
  /** Offsets into `runs[0].text`. */
  mentions?: Mention[];
}

/**
 * The runs `run` reads as. `seen` and `undecided` are updated as matching the result would
 * update them, when the result comes matched.
 */
export function settle(
  run: Run,
  match: MatchFn,
  seen: Set<EntityId>,
  undecided?: Set<EntityId>,
): Settled {
  const { text, glued } = run;
  const plain: Run = { text, segments: run.segments };
  if (!glued || typeof text !== 'string' || text.length > MATCH_WINDOW) return { runs: [plain] };

  const joins: Join[] = glued.map(() => 'space');
  const spaced = build(text, run.segments, glued, joins)[0];
  if (!spaced) return { runs: [plain] };
  // Probes on copies: only what is kept may count on the page.
  const spacedSeen = new Set(seen);
  const spacedUndecided = new Set<EntityId>();
  const found = match(spaced.text as string, { seen: spacedSeen, undecided: spacedUndecided });
  // Where each boundary's space is in the spaced text.
  const back = (offset: number) => {
    let n = 0;
    while (n < glued.length && (glued[n] as Glued).at + n < offset) n++;
    return offset - n;
  };
  const spans: [number, number][] = found.map((m) => [back(m.start), back(m.end)]);
  for (const m of match(text, { seen: new Set(seen) })) spans.push([m.start, m.end]);

  const boxes = new Map<Element, boolean>();
  let rematch = false;
  glued.forEach((g, i) => {
    if (!spans.some(([from, to]) => g.at > from && g.at < to)) return;
    const apart = drawnApart(g.before, g.beforeOffset, g.after, g.afterOffset, boxes);
    const join: Join = apart === null ? 'glue' : apart === 'boxes' ? 'end' : 'space';
    if (join !== 'space') {
      joins[i] = join;
      rematch = true;
    }
  });
  if (rematch) return { runs: build(text, run.segments, glued, joins) };
  for (const e of spacedSeen) seen.add(e);
  for (const e of spacedUndecided) undecided?.add(e);
  return { runs: [spaced], mentions: found };
}

/** `text` and its segments with each glued boundary glued, spaced or ending a run. */
function build(text: string, all: Segment[], glued: Glued[], joins: Join[]): Run[] {
  const runs: Run[] = [];
  let parts: string[] = [];
  let segments: Segment[] = [];
  /** What to take from a segment's start in `text` to have it in the run being built. */
  let shift = 0;
  let from = 0;
  let s = 0;
  const take = (to: number) => {
    parts.push(text.slice(from, to));
    for (let seg = all[s]; seg && seg.start < to; seg = all[++s]) {
      segments.push({ ...seg, start: seg.start - shift });
    }
    from = to;
  };
  const end = () => {
    const t = parts.join('');
    if (segments.length > 0 && HAS_TEXT.test(t)) runs.push({ text: t, segments });
    parts = [];
    segments = [];
  };
  glued.forEach((g, i) => {
    const join = joins[i];
    if (join === 'glue') return;
    take(g.at);
    if (join === 'end') {
      end();
      shift = g.at;
    } else {
      parts.push(' ');
      shift -= 1;
    }
  });
  take(text.length);
  end();
  return runs;
}
