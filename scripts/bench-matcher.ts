/**
 * `npm run bench:matcher`: the matcher over about 5 MB of mixed text against the floor, one
 * case-insensitive alternation regex of the exact names over the same text, timed in one run
 * (medians of several rounds, interleaved so both see the same machine state).
 */
import { compileMatcher } from '../core/matcher.ts';
import { dataset } from '../core/rivalry-data.ts';
import { mixedText } from './mixed-text.ts';

const SIZE = 5_000_000;
const ROUNDS = Number(process.env.ROUNDS ?? 9);

const text = mixedText(SIZE);
const t0 = performance.now();
const matcher = compileMatcher(dataset);
const compileMs = performance.now() - t0;

const names = dataset.entities
  .filter((e) => e.highlight)
  .flatMap((e) => e.aliases.map((a) => a.text))
  .sort((a, b) => b.length - a.length)
  .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const floor = new RegExp(names.join('|'), 'gi');

function runFloor(): number {
  floor.lastIndex = 0;
  let n = 0;
  while (floor.exec(text) !== null) n++;
  return n;
}
function runMatcher(): number {
  return matcher.findMentions(text).length;
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

// Warm both up (JIT, fuzzy cache) before measuring.
runFloor();
runMatcher();
const floorMs: number[] = [];
const matcherMs: number[] = [];
let floorCount = 0;
let matcherCount = 0;
for (let r = 0; r < ROUNDS; r++) {
  let t = performance.now();
  floorCount = runFloor();
  floorMs.push(performance.now() - t);
  t = performance.now();
  matcherCount = runMatcher();
  matcherMs.push(performance.now() - t);
}
const f = median(floorMs);
const m = median(matcherMs);
console.log(
  `text: ${(text.length / 1e6).toFixed(2)} M characters, ${ROUNDS} rounds, node ${process.version}`,
);
console.log(`compile names once: ${compileMs.toFixed(1)} ms`);
console.log(`floor (one alternation regex):  median ${f.toFixed(1)} ms, ${floorCount} matches`);
console.log(`matcher (findMentions):         median ${m.toFixed(1)} ms, ${matcherCount} mentions`);
console.log(`ratio matcher / floor: ${(m / f).toFixed(2)}x (target <= 3x)`);
