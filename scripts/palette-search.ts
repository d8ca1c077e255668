/**
 * Searches for the entity fills in extension/palette.ts: eight opaque colours per scheme that are
 * as far apart as possible (CIEDE2000), also as seen with protanopia and deuteranopia, while link
 * and body text on them keep 4.5:1. Prints the sets; the chosen ones are copied into palette.ts
 * by hand, and tests/unit/palette-contrast.test.ts checks them there.
 *
 * The sets in palette.ts came from (each a few minutes):
 *   ONLY=light CAP=15.3 MIN_CONTRAST=4.55 STEP=3 RESTARTS=10 npx tsx scripts/palette-search.ts 11
 *   ONLY=dark CAP=15.2 MIN_CONTRAST=4.6 MIN_FROM_BACKGROUND=16 MIN_LIGHTNESS=17 MAX_CHROMA=60 \
 *     STEP=4 RESTARTS=8 npx tsx scripts/palette-search.ts 21
 * CAP is the normal-vision CIEDE2000 floor; above it the search maximises the colour-blind one.
 * INKS=#hex,... prints the lightness-52 ink of each colour's hue instead.
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

const COUNT = 8;
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
