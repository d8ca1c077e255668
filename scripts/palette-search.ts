/**
 * Searches for the entity fills in extension/palette.ts: per scheme, an opaque colour for each
 * highlighted entity of the dataset, as far apart as possible (CIEDE2000), also as seen with
 * protanopia and deuteranopia, while link and body text on them keep 4.5:1. Prints the sets; the
 * chosen ones are copied into palette.ts by hand, and tests/unit/palette-contrast.test.ts checks
 * them there.
 *
 * The sets in palette.ts came from (each a few minutes):
 *   ONLY=light CAP=15.3 MIN_CONTRAST=4.55 STEP=3 RESTARTS=10 npx tsx scripts/palette-search.ts 11
 *   ONLY=dark CAP=15.2 MIN_CONTRAST=4.6 MIN_FROM_BACKGROUND=16 MIN_LIGHTNESS=17 MAX_CHROMA=60 \
 *     STEP=4 RESTARTS=8 npx tsx scripts/palette-search.ts 21
 * CAP is the normal-vision CIEDE2000 floor; above it the search maximises the colour-blind one.
 * INKS=#hex,... prints the lightness-52 ink of each colour's hue instead.
 * The underlines in palette.ts came from (about a minute each):
 *   UNDERLINES=1 ONLY=light STEP=8 RESTARTS=8 npx tsx scripts/palette-search.ts 1
 *   UNDERLINES=1 ONLY=dark STEP=8 RESTARTS=8 npx tsx scripts/palette-search.ts 1
 */
import {
  ciede2000,
  contrast,
  type Deficiency,
  deltaE,
  hexToRgb,
  type Lab,
  labToRgb,
  type Rgb,
  rgbToHex,
  rgbToLab,
  simulate,
} from './colour-math';
import { dataset } from '../core/rivalry-data';
import { ENTITY_FILLS } from '../extension/palette';

export interface Scheme {
  name: 'light' | 'dark';
  /** Page backgrounds the fill must stand out from. */
  backgrounds: string[];
  /** Text colours that must keep 4.5:1 on the fill (links first). */
  texts: string[];
}

export const SCHEMES: Scheme[] = [
  { name: 'light', backgrounds: ['#ffffff'], texts: ['#3366cc', '#1c1d21'] },
  { name: 'dark', backgrounds: ['#121212', '#202124'], texts: ['#8ab4f8', '#e8eaed'] },
];

/** One colour per highlighted entity of the dataset. */
const COUNT = dataset.entities.filter((e) => e.highlight).length;
const MIN_CONTRAST = Number(process.env.MIN_CONTRAST ?? 4.6);
const MIN_FROM_BACKGROUND = Number(process.env.MIN_FROM_BACKGROUND ?? 10);
const BLIND_WEIGHT = Number(process.env.BLIND_WEIGHT ?? 0.5);
const STEP = Number(process.env.STEP ?? 5);
const ONLY = process.env.ONLY;
const CAP = Number(process.env.CAP ?? 17);
const MIN_LIGHTNESS = Number(process.env.MIN_LIGHTNESS ?? 0);
const MAX_CHROMA = Number(process.env.MAX_CHROMA ?? 200);
const CVD: Deficiency[] = ['protanopia', 'deuteranopia'];

interface Candidate {
  rgb: Rgb;
  lab: Lab;
  cvd: Lab[];
}

function candidates(scheme: Scheme, step: number): Candidate[] {
  const texts = scheme.texts.map(hexToRgb);
  const backs = scheme.backgrounds.map((h) => rgbToLab(hexToRgb(h)));
  const out: Candidate[] = [];
  for (let r = 0; r <= 255; r += step)
    for (let g = 0; g <= 255; g += step)
      for (let b = 0; b <= 255; b += step) {
        const rgb: Rgb = [r, g, b];
        if (texts.some((t) => contrast(t, rgb) < MIN_CONTRAST)) continue;
        const lab = rgbToLab(rgb);
        if (lab[0] < MIN_LIGHTNESS || Math.hypot(lab[1], lab[2]) > MAX_CHROMA) continue;
        if (backs.some((bg) => ciede2000(bg, lab) < MIN_FROM_BACKGROUND)) continue;
        out.push({ rgb, lab, cvd: CVD.map((k) => rgbToLab(simulate(rgb, k))) });
      }
  return out;
}

/** Normal-vision distance counts fully; the colour-blind views count half. */
function pairScore(a: Candidate, b: Candidate): number {
  const normal = ciede2000(a.lab, b.lab);
  if (BLIND_WEIGHT === 0) return normal;
  const blind = Math.min(...a.cvd.map((l, i) => ciede2000(l, b.cvd[i] as Lab)));
  // Below the floor only the normal-vision distance counts; above it, only the colour-blind one.
  return normal < CAP ? normal - 1000 : BLIND_WEIGHT * blind;
}

function setScore(set: Candidate[]): number {
  let worst = Number.POSITIVE_INFINITY;
  for (let i = 0; i < set.length; i++)
    for (let j = i + 1; j < set.length; j++)
      worst = Math.min(worst, pairScore(set[i] as Candidate, set[j] as Candidate));
  return worst;
}

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Max–min dispersion by coordinate ascent from random starts. */
function search(pool: Candidate[], restarts: number, rand: () => number): Candidate[] {
  let best: Candidate[] = [];
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < restarts; r++) {
    const set = Array.from(
      { length: COUNT },
      () => pool[Math.floor(rand() * pool.length)] as Candidate,
    );
    let improved = true;
    while (improved) {
      improved = false;
      for (let k = 0; k < COUNT; k++) {
        const others = set.filter((_, i) => i !== k);
        const current = Math.min(...others.map((o) => pairScore(o, set[k] as Candidate)));
        let pick = set[k] as Candidate;
        let pickScore = current;
        for (const c of pool) {
          let s = Number.POSITIVE_INFINITY;
          for (const o of others) {
            s = Math.min(s, pairScore(o, c));
            if (s <= pickScore) break;
          }
          if (s > pickScore) {
            pick = c;
            pickScore = s;
          }
        }
        if (pick !== set[k]) {
          set[k] = pick;
          improved = true;
        }
      }
    }
    const score = setScore(set);
    if (score > bestScore) {
      best = [...set];
      bestScore = score;
    }
  }
  return best.sort((a, b) => hueOf(a.lab) - hueOf(b.lab));
}

function hueOf(lab: Lab): number {
  const h = (Math.atan2(lab[2], lab[1]) * 180) / Math.PI;
  return h < 0 ? h + 360 : h;
}

function report(name: string, set: Candidate[]) {
  const rgbs = set.map((c) => c.rgb);
  let normal = Number.POSITIVE_INFINITY;
  const blind: Record<string, number> = {};
  for (let i = 0; i < rgbs.length; i++)
    for (let j = i + 1; j < rgbs.length; j++) {
      normal = Math.min(normal, deltaE(rgbs[i] as Rgb, rgbs[j] as Rgb));
      for (const k of CVD)
        blind[k] = Math.min(
          blind[k] ?? Number.POSITIVE_INFINITY,
          deltaE(simulate(rgbs[i] as Rgb, k), simulate(rgbs[j] as Rgb, k)),
        );
    }
  console.log(
    `${name}: min ΔE00 ${normal.toFixed(1)}`,
    Object.entries(blind)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', '),
  );
  for (const c of set)
    console.log(`  ${rgbToHex(c.rgb)}  L*${c.lab[0].toFixed(0)} h${hueOf(c.lab).toFixed(0)}`);
}

/** The most saturated colour of `hue` at lightness 52, for underlines on light and dark pages. */
export function inkFor(hue: number): Rgb {
  for (let chroma = 120; chroma > 0; chroma -= 0.5) {
    const rgb = labToRgb([
      52,
      chroma * Math.cos((hue * Math.PI) / 180),
      chroma * Math.sin((hue * Math.PI) / 180),
    ]);
    if (rgb) return rgb;
  }
  return [124, 124, 124];
}

/**
 * UNDERLINES=1: the underline inks. Each must keep 3:1 (WCAG 1.4.11, non-text contrast) against
 * the page backgrounds and every fill of its scheme, since it is drawn over the fill; the eight are
 * spread as far apart as they can be in normal vision and with each simulated deficiency at once,
 * with a chroma floor (a grey or near-black line reads as a rule, not as a colour) and, on light
 * pages, a lightness floor (a near-black line looks like the text's own underline). Then they are
 * given to the entities whose fill hue is nearest.
 */
function underlines(scheme: Scheme, fills: Record<string, string>) {
  const vis: (Deficiency | null)[] = [null, 'protanopia', 'deuteranopia', 'tritanopia'];
  const walls = [...scheme.backgrounds, ...Object.values(fills)].map(hexToRgb);
  const minL = Number(process.env.INK_MIN_LIGHTNESS ?? (scheme.name === 'light' ? 28 : 0));
  const minC = Number(process.env.INK_MIN_CHROMA ?? 35);
  const pool: { rgb: Rgb; labs: Lab[] }[] = [];
  for (let r = 0; r <= 255; r += STEP)
    for (let g = 0; g <= 255; g += STEP)
      for (let b = 0; b <= 255; b += STEP) {
        const rgb: Rgb = [r, g, b];
        if (walls.some((w) => contrast(w, rgb) < 3)) continue;
        const lab = rgbToLab(rgb);
        if (lab[0] < minL || Math.hypot(lab[1], lab[2]) < minC) continue;
        pool.push({ rgb, labs: vis.map((k) => (k ? rgbToLab(simulate(rgb, k)) : lab)) });
      }
  type Ink = (typeof pool)[number];
  const apart = (a: Ink, b: Ink) =>
    Math.min(...a.labs.map((l, i) => ciede2000(l, b.labs[i] as Lab)));
  const rand = random(Number(process.argv[2] ?? 1));
  let best: Ink[] = [];
  let bestScore = -1;
  for (let r = 0; r < Number(process.env.RESTARTS ?? 8); r++) {
    const set = Array.from({ length: COUNT }, () => pool[Math.floor(rand() * pool.length)] as Ink);
    for (let improved = true; improved; ) {
      improved = false;
      for (let k = 0; k < COUNT; k++) {
        const others = set.filter((_, i) => i !== k);
        let pick = set[k] as Ink;
        let pickScore = Math.min(...others.map((o) => apart(o, pick)));
        for (const c of pool) {
          let s = Number.POSITIVE_INFINITY;
          for (const o of others) {
            s = Math.min(s, apart(o, c));
            if (s <= pickScore) break;
          }
          if (s > pickScore) [pick, pickScore] = [c, s];
        }
        if (pick !== set[k]) [set[k], improved] = [pick, true];
      }
    }
    const score = Math.min(...set.flatMap((a, i) => set.slice(i + 1).map((b) => apart(a, b))));
    if (score > bestScore) [best, bestScore] = [[...set], score];
  }
  // The entity-to-ink matching with the least total hue difference from the fills (8! tries).
  const ids = Object.keys(fills);
  const fillHue = ids.map((id) => hueOf(rgbToLab(hexToRgb(fills[id] as string))));
  const gap = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));
  let order: number[] = [];
  let orderCost = Number.POSITIVE_INFINITY;
  const permute = (done: number[], cost: number) => {
    if (cost >= orderCost) return;
    if (done.length === ids.length) [order, orderCost] = [[...done], cost];
    for (let i = 0; i < best.length; i++)
      if (!done.includes(i))
        permute(
          [...done, i],
          cost + gap(fillHue[done.length] as number, hueOf((best[i] as Ink).labs[0] as Lab)),
        );
  };
  permute([], 0);
  console.log(
    `${scheme.name} underlines: ${pool.length} candidates, min ΔE00 ${bestScore.toFixed(1)}`,
  );
  ids.forEach((id, i) => {
    console.log(`    '${id}': '${rgbToHex((best[order[i] as number] as Ink).rgb)}',`);
  });
}

if (process.env.UNDERLINES) {
  for (const scheme of SCHEMES)
    if (!ONLY || scheme.name === ONLY) underlines(scheme, ENTITY_FILLS[scheme.name]);
  process.exit(0);
}

const inks = process.env.INKS;
if (inks) {
  for (const hex of inks.split(','))
    console.log(hex, rgbToHex(inkFor(hueOf(rgbToLab(hexToRgb(hex))))));
  process.exit(0);
}

const seed = Number(process.argv[2] ?? 1);
const rand = random(seed);
for (const scheme of SCHEMES) {
  if (ONLY && scheme.name !== ONLY) continue;
  const pool = candidates(scheme, STEP);
  console.log(`${scheme.name}: ${pool.length} candidates`);
  report(scheme.name, search(pool, Number(process.env.RESTARTS ?? 12), rand));
}
