/**
 * Whole pages as sites build them (tests/fixtures/pages/, written for issue #16 by an annotator
 * who saw neither the matcher nor the reader): news, encyclopedia, forum and X-like pages in five
 * languages, with framework markup, share bars, cookie banners and footers. Each mention is
 * wrapped in `<span data-gold="ENTITY">` and each share, follow or sign-in widget carries
 * `data-gold-widget`; the built extension's highlights are scored against them, range by range,
 * over all pages (precision and recall of mentions, and widgets with anything highlighted).
 * On first contact: precision 0.840, recall 0.939, 5 highlights in 54 widgets (most of the false
 * ones in text the pages hide with their style sheets, and in addresses).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, open, pageSummary, until, withExtension } from './harness';

const env = withExtension();

const PAGES = readdirSync(join(FIXTURES, 'pages'))
  .filter((f) => f.endsWith('.html'))
  .sort();

interface PageScore {
  gold: number;
  tp: number;
  /** Highlights that are no gold mention of their entity: text, entity, and the words around. */
  fp: string[];
  /** Gold mentions with no highlight of exactly their text and entity. */
  fn: string[];
  widgets: number;
  widgetsHighlighted: string[];
  highlighted: number;
}

/** In the page: every `rivalry-*` range against the gold spans and widgets. */
function scoreInPage(): PageScore {
  const near = (node: Node) =>
    (node.parentElement?.closest('p,li,h1,h2,h3,td,div')?.textContent ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 90);
  const golds = [...document.querySelectorAll<HTMLElement>('[data-gold]')];
  const used = new Set<HTMLElement>();
  const out: PageScore = {
    gold: golds.length,
    tp: 0,
    fp: [],
    fn: [],
    widgets: document.querySelectorAll('[data-gold-widget]').length,
    widgetsHighlighted: [],
    highlighted: 0,
  };
  const registry = CSS.highlights as unknown as Map<string, Set<AbstractRange>>;
  for (const [name, hl] of registry) {
    if (!name.startsWith('rivalry-')) continue;
    const entity = name.slice('rivalry-'.length);
    for (const r of hl) {
      out.highlighted++;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const text = range.toString();
      const start = r.startContainer.parentElement;
      const gold = start?.closest<HTMLElement>('[data-gold]');
      const exact =
        gold &&
        !used.has(gold) &&
        gold.dataset.gold === entity &&
        gold.contains(r.endContainer) &&
        gold.textContent === text;
      if (exact) {
        used.add(gold);
        out.tp++;
      } else {
        out.fp.push(`${entity} "${text}" in: ${near(r.startContainer)}`);
      }
      const widget = start?.closest('[data-gold-widget]');
      if (widget) out.widgetsHighlighted.push(`${entity} "${text}"`);
    }
  }
  for (const g of golds) {
    if (!used.has(g)) out.fn.push(`${g.dataset.gold} "${g.textContent}" in: ${near(g)}`);
  }
  return out;
}

describe('whole pages as sites build them', { timeout: 240_000 }, () => {
  it(`finds the mentions of ${PAGES.length} pages and leaves their widgets alone`, async () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(15);
    const total = { gold: 0, tp: 0, fp: 0, fn: 0, widgets: 0, widgetsHighlighted: 0 };
    const report: string[] = [];
    for (const file of PAGES) {
      const page = await open(env.browser, env.server.url(`/pages/${file}`));
      // Read to the end, and the count stable: every mention the lens will find is painted.
      await until(async () => expect((await pageSummary(env.browser.worker)).state).toBe('ready'));
      let last = -1;
      await until(async () => {
        const now = (await page.evaluate(scoreInPage)).highlighted;
        const stable = now === last;
        last = now;
        expect(stable).toBe(true);
      }, 10_000);
      const s = await page.evaluate(scoreInPage);
      await page.close();
      total.gold += s.gold;
      total.tp += s.tp;
      total.fp += s.fp.length;
      total.fn += s.fn.length;
      total.widgets += s.widgets;
      total.widgetsHighlighted += s.widgetsHighlighted.length;
      for (const e of s.fp) report.push(`${file} FP ${e}`);
      for (const e of s.fn) report.push(`${file} FN ${e}`);
      for (const e of s.widgetsHighlighted) report.push(`${file} WIDGET ${e}`);
    }
    const precision = total.tp / (total.tp + total.fp);
    const recall = total.tp / total.gold;
    // Printed for the record: the figures, and each error to look at.
    console.log(
      `pages ${PAGES.length}: ${total.gold} mentions, precision ${precision.toFixed(3)}, ` +
        `recall ${recall.toFixed(3)}; ${total.widgetsHighlighted} highlights in ${total.widgets} widgets`,
    );
    if (report.length) console.log(report.join('\n'));
    expect(total.gold).toBeGreaterThanOrEqual(150);
    expect(precision).toBeGreaterThanOrEqual(PRECISION_FLOOR);
    expect(recall).toBeGreaterThanOrEqual(RECALL_FLOOR);
    expect(total.widgetsHighlighted).toBe(0);
  });
});

/** A hair under what the pages score (see the printed figures). */
const PRECISION_FLOOR = 0.99;
const RECALL_FLOOR = 0.97;
