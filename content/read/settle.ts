/**
 * Settles a run's glued boundaries (`Run.glued`) by layout, asked only where a name is at
 * stake: the run is matched as read (glued) and with a space at every such boundary, and only
 * the boundaries that a name of either reading crosses or touches are measured. A row of
 * two hundred tag links with ten names in it measures a few dozen boundaries, not two hundred.
 * Boxes of their own end the run there, as a block does; a gap drawn between inline text reads
 * as a space; the rest stay glued, as inside "Open<span>AI</span>".
 */
import { MATCH_WINDOW } from '../budgets';
import type { MatchFn } from '../scan/match-windows';
import { type Apart, drawnApart } from './drawn-apart';
import type { Glued, Run, Segment } from './run';

const HAS_TEXT = /\S/;

/** The boundaries of `glued` that a mention of `text` crosses or touches. */
function atStake(text: string, glued: Glued[], match: MatchFn, seen: Set<string>): Set<Glued> {
  const out = new Set<Glued>();
  const mark = (from: number, to: number) => {
    for (const g of glued) if (g.at >= from && g.at <= to) out.add(g);
  };
  // A copy of `seen`: these readings are probes, and must not count on the page.
  for (const m of match(text, { seen: new Set(seen) })) mark(m.start, m.end);
  let spaced = '';
  let from = 0;
  for (const g of glued) {
    spaced += `${text.slice(from, g.at)} `;
    from = g.at;
  }
  spaced += text.slice(from);
  for (const m of match(spaced, { seen: new Set(seen) })) {
    // Back to offsets of `text`: the spaces before each offset are taken out.
    const back = (offset: number) => {
      let n = 0;
      while (n < glued.length && (glued[n] as Glued).at + n < offset) n++;
      return offset - n;
    };
    mark(back(m.start), back(m.end));
  }
  return out;
}

/**
 * The runs `run` reads as once its glued boundaries are settled (itself, without them, when
 * none is drawn apart). A run too long for one call of the matcher keeps them glued.
 */
export function settle(run: Run, match: MatchFn, seen: Set<string>): Run[] {
  const { text, glued } = run;
  if (!glued || typeof text !== 'string' || text.length > MATCH_WINDOW) {
    return [{ text: run.text, segments: run.segments }];
  }
  const stake = atStake(text, glued, match, seen);
  const cuts: [Glued, Exclude<Apart, null>][] = [];
  const boxes = new Map<Element, boolean>();
  for (const g of glued) {
    if (!stake.has(g)) continue;
    const apart = drawnApart(g.before, g.beforeOffset, g.after, g.afterOffset, boxes);
    if (apart) cuts.push([g, apart]);
  }
  if (cuts.length === 0) return [{ text, segments: run.segments }];

  const runs: Run[] = [];
  let parts: string[] = [];
  let segments: Segment[] = [];
  /** Where the run being built starts in `text`, less the spaces added to it. */
  let shift = 0;
  let from = 0;
  let s = 0;
  const take = (to: number) => {
    parts.push(text.slice(from, to));
    for (let seg = run.segments[s]; seg && seg.start < to; seg = run.segments[++s]) {
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
  for (const [g, apart] of cuts) {
    take(g.at);
    if (apart === 'boxes') {
      end();
      shift = g.at;
    } else {
      parts.push(' ');
      shift -= 1;
    }
  }
  take(text.length);
  end();
  return runs;
}
