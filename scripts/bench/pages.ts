/**
 * The pages the benchmark loads, generated from a seeded PRNG so every run measures the same
 * bytes: a big nested article page, a typical article with no mention, an infinite-scroll feed
 * and a page dense with mentions for hovering.
 */
import { FILLER_WORDS, prng } from '../mixed-text.ts';

/** Mentions of all eight entities in the spellings pages use. */
export const MENTIONS = [
  'OpenAI',
  'Open AI',
  'OPENAI',
  'SpaceX',
  'Space X',
  'SPACEX',
  'Space Exploration Technologies Corp.',
  'Stoke Space',
  'Stoke Space Technologies',
  'Neuralink',
  'Neuralink Corp.',
  'Sam Altman',
  'Altman',
  'Samuel Altman',
  'Elon Musk',
  'Musk',
  'xAI',
  'X.AI',
  'X Corp.',
  'Twitter',
] as const;

/** Phrases that look like a name and are not one. */
export const NEGATIVES = [
  'OpenAPI',
  'OpenAL',
  'Stoke City',
  'stoke the fire',
  'musk ox',
  'a musk perfume',
  'Tesla Model X',
  'Kevin Spacey',
  'MySpace',
  'Neuralynx',
  'Starlink',
  'Sam Altmann',
  'XAI methods',
  'space X-ray',
] as const;

/** Filler with no name in it, nor anything the matcher could take for one (no "x" alone). */
const WORDS = [
  ...FILLER_WORDS,
  ...`music samples alternative almost next text index garden river morning kitchen library bridge
window harbor winter summer village painting`.split(/\s+/),
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

interface Writer {
  rand: () => number;
  pick<T>(xs: readonly T[]): T;
  /** A sentence of `n` words, some wrapped in inline markup, with `inserts` placed among them. */
  sentence(n: number, inserts: string[]): string;
}

function writer(seed: number): Writer {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const inline = (s: string) => {
    const r = rand();
    if (r < 0.05) return `<a href="#p${Math.floor(rand() * 1e6)}">${s}</a>`;
    if (r < 0.09) return `<em>${s}</em>`;
    if (r < 0.12) return `<strong>${s}</strong>`;
    return s;
  };
  return {
    rand,
    pick,
    sentence(n, inserts) {
      const words: string[] = [];
      for (let i = 0; i < n; i++) words.push(pick(WORDS));
      for (const ins of inserts) words.splice(Math.floor(rand() * (words.length + 1)), 0, ins);
      const out = words.map((w) => inline(esc(w)));
      const first = out[0] ?? '';
      out[0] = first.charAt(0).toUpperCase() + first.slice(1);
      return `${out.join(' ')}.`;
    },
  };
}

const head = (title: string, extra = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<style>body{font:16px/1.5 serif;max-width:46rem;margin:2rem auto;padding:0 1rem}</style>${extra}</head>`;

export interface BigPage {
  html: string;
  paragraphs: number;
  textChars: number;
  mentions: number;
  negatives: number;
}

/**
 * About 2 MB of text in about 20,000 paragraphs of `<article><section><div><p>` markup, with
 * about 1,500 mentions of the eight entities and 300 hard negatives spread through it (a dozen
 * of the mentions in the first paragraphs, so there is something to paint in the first viewport).
 */
export function bigPage(paragraphs = 20_000, mentions = 1_500, negatives = 300): BigPage {
  const w = writer(42);
  const perPara: string[][] = Array.from({ length: paragraphs }, () => []);
  // The first screenful gets a few, so "viewport first" has something to show.
  const early = 12;
  for (let i = 0; i < early; i++) perPara[i]?.push(MENTIONS[i % MENTIONS.length] as string);
  for (let i = early; i < mentions; i++)
    perPara[Math.floor(w.rand() * paragraphs)]?.push(w.pick(MENTIONS));
  for (let i = 0; i < negatives; i++) {
    perPara[1 + Math.floor(w.rand() * (paragraphs - 1))]?.push(w.pick(NEGATIVES));
  }
  const parts: string[] = [head('Big page'), '<body><main>'];
  let textChars = 0;
  let p = 0;
  while (p < paragraphs) {
    parts.push(`<article><h2>${w.sentence(5, [])}</h2>`);
    for (let s = 0; s < 5 && p < paragraphs; s++) {
      parts.push('<section><div>');
      for (let k = 0; k < 8 && p < paragraphs; k++, p++) {
        const para = `<p>${w.sentence(16 + Math.floor(w.rand() * 9), perPara[p] ?? [])}</p>`;
        textChars += para.replace(/<[^>]*>/g, '').length;
        parts.push(para);
      }
      parts.push('</div></section>');
    }
    parts.push('</article>');
  }
  parts.push('</main></body></html>');
  return { html: parts.join('\n'), paragraphs, textChars, mentions, negatives };
}

/** A typical article of about 50 KB of text with no mention: navigation, headings, lists, footer. */
export function articlePage(chars = 50_000): { html: string; textChars: number; text: string } {
  const w = writer(7);
  const parts: string[] = [
    head('A long read about gardens'),
    '<body><header><nav><a href="#">Home</a> <a href="#">World</a> <a href="#">Culture</a> <a href="#">Science</a></nav></header>',
    `<main><article><h1>${w.sentence(8, [])}</h1><p class="byline">By a staff writer</p>`,
  ];
  const texts: string[] = [];
  let textChars = 0;
  while (textChars < chars) {
    const r = w.rand();
    let block: string;
    if (r < 0.08) block = `<h2>${w.sentence(6, [])}</h2>`;
    else if (r < 0.14) {
      block = `<ul>${Array.from({ length: 4 }, () => `<li>${w.sentence(9, [])}</li>`).join('')}</ul>`;
    } else if (r < 0.17) block = `<blockquote><p>${w.sentence(25, [])}</p></blockquote>`;
    else block = `<p>${w.sentence(50 + Math.floor(w.rand() * 60), [])}</p>`;
    const text = block.replace(/<[^>]*>/g, '');
    texts.push(text);
    textChars += text.length;
    parts.push(block);
  }
  parts.push('</article></main><footer><p>Contact · Terms · Privacy</p></footer></body></html>');
  return { html: parts.join('\n'), textChars, text: texts.join('\n') };
}

/** Posts for the feed, with a mention in about one post in five. */
function posts(w: Writer, n: number, from: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const ins = w.rand() < 0.2 ? [w.pick(MENTIONS)] : w.rand() < 0.05 ? [w.pick(NEGATIVES)] : [];
    out.push(
      `<article class="post" id="post${from + i}"><header><a href="#u">@${w.pick(WORDS)}${i}</a> · <time>${i}m</time></header>` +
        `<p>${w.sentence(15 + Math.floor(w.rand() * 25), ins)}</p><footer><button>Reply</button> <button>Like</button></footer></article>`,
    );
  }
  return out;
}

export interface FeedPage {
  html: string;
  batches: number;
  perBatch: number;
  intervalMs: number;
}

/**
 * An infinite-scroll feed: 50 posts at load, then the page's own script appends 50 more every
 * 200 ms (`performance.mark('batch')` at each), `batches` times. The posts are generated here
 * and shipped in the page as strings, so the page's own cost is only the append.
 */
export function feedPage(batches = 25, perBatch = 50, intervalMs = 200): FeedPage {
  const w = writer(99);
  const first = posts(w, perBatch, 0);
  const later = Array.from({ length: batches }, (_, b) =>
    posts(w, perBatch, (b + 1) * perBatch).join(''),
  );
  const script = `
const later = ${JSON.stringify(later)};
let b = 0;
function start() {
  const feed = document.getElementById('feed');
  const timer = setInterval(() => {
    performance.mark('batch');
    feed.insertAdjacentHTML('beforeend', later[b++]);
    window.scrollTo(0, document.documentElement.scrollHeight);
    if (b >= later.length) { clearInterval(timer); performance.mark('feed-done'); }
  }, ${intervalMs});
}
window.__startFeed = start;`;
  const html = `${head('Feed', `<script>${script}</script>`)}<body><main id="feed">${first.join('\n')}</main></body></html>`;
  return { html, batches, perBatch, intervalMs };
}

/** A page dense with mentions (several in every paragraph), for the pointer handler. */
export function densePage(paragraphs = 150): string {
  const w = writer(5);
  const parts: string[] = [head('Dense'), '<body><main>'];
  for (let p = 0; p < paragraphs; p++) {
    const ins = Array.from({ length: 3 + Math.floor(w.rand() * 3) }, () => w.pick(MENTIONS));
    parts.push(`<p>${w.sentence(30, ins)}</p>`);
  }
  parts.push('</main></body></html>');
  return parts.join('\n');
}

/**
 * A page dense with links glued by markup, as frameworks render tag clouds and menus: rows of
 * capitalised links with no white space between them, each boundary one the reader asks layout
 * about, in flex rows and in plain paragraphs, a mention in about one link in ten. `spaced` puts
 * a space between the links: the same page with no boundary to decide, to compare against.
 */
export function gluedLinksPage(rows = 200, perRow = 12, spaced = false): string {
  const w = writer(11);
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const parts: string[] = [
    head('Links', '<style>.row{display:flex;flex-wrap:wrap;gap:.5rem}</style>'),
    '<body><main>',
  ];
  for (let r = 0; r < rows; r++) {
    const links = Array.from({ length: perRow }, () => {
      const text = w.rand() < 0.1 ? w.pick(MENTIONS) : cap(w.pick(WORDS));
      return `<a href="#t${Math.floor(w.rand() * 1e6)}">${esc(text)}</a>`;
    }).join(spaced ? ' ' : '');
    parts.push(r % 2 ? `<nav class="row">${links}</nav>` : `<p>${links}</p>`);
  }
  parts.push('</main></body></html>');
  return parts.join('\n');
}
