import { describe, expect, it } from 'vitest';
import { earlySheetCss } from '../../build/early-sheet.ts';
import { matchDataModule } from '../../build/match-data-plugin.ts';
import { MATCH_FIELDS, matchData } from '../../core/match-data.ts';
import { compileMatcher, linkMatcher } from '../../core/matcher.ts';
import { prepareNames } from '../../core/prepare-names.ts';
import { dataset } from '../../core/rivalry-data.ts';
import { loadCorpus } from '../corpus/parse-corpus.ts';

describe('the names-only projection the content script ships', () => {
  const names = matchData(dataset);

  it('keeps the highlighted entities with the fields the matcher reads, and no card text', () => {
    expect(names.entities.map((e) => e.id)).toEqual(
      dataset.entities.filter((e) => e.highlight).map((e) => e.id),
    );
    for (const e of names.entities) {
      for (const key of Object.keys(e)) expect(MATCH_FIELDS).toContain(key);
      const whole = dataset.entities.find((d) => d.id === e.id);
      expect(e.aliases).toEqual(whole?.aliases);
      expect(e.notMentions).toEqual(whole?.notMentions);
      expect(e.context).toEqual(whole?.context);
      expect(e.antiContext).toEqual(whole?.antiContext);
    }
    const text = JSON.stringify(names);
    for (const e of dataset.entities) expect(text).not.toContain(e.description);
    // What the page no longer carries: descriptions, fronts, facts, sources.
    expect(text.length * 2).toBeLessThan(JSON.stringify(dataset).length);
  });

  it('is what the build module exports, prepared for the matcher', async () => {
    const source = matchDataModule();
    const mod = await import(`data:text/javascript,${encodeURIComponent(source)}`);
    expect(mod.default).toEqual(prepareNames(names));
    expect(mod.default.entities.map((e: { id: string }) => e.id)).toEqual(
      names.entities.map((e) => e.id),
    );
  });

  it('linked from the build module, finds what the matcher compiled here finds', async () => {
    const mod = await import(`data:text/javascript,${encodeURIComponent(matchDataModule())}`);
    const linked = linkMatcher(mod.default);
    const compiled = compileMatcher(names);
    const corpus = loadCorpus();
    const found = corpus.map((s) => compiled.findMentions(s.text));
    // The corpus exercises every prepared part: each entity, misspellings, blocked phrases.
    const all = found.flat();
    for (const id of names.entities.map((e) => e.id))
      expect(all.some((m) => m.entity === id)).toBe(true);
    expect(all.some((m) => m.via === 'fuzzy')).toBe(true);
    expect(all.some((m) => m.via === 'context')).toBe(true);
    expect(corpus.some((s) => /Stoke City/.test(s.text))).toBe(true);
    corpus.forEach((s, i) => {
      expect(linked.findMentions(s.text), s.text).toEqual(found[i]);
    });
  });

  it('gives the early highlight rules the same entities, at the root', () => {
    const css = earlySheetCss();
    const ruled = [
      ...css.matchAll(/[{\n]:root::highlight\(rivalry-([a-z-]+)\)\{background-color:#/g),
    ];
    expect(ruled.map((m) => m[1])).toEqual(names.entities.map((e) => e.id));
  });
});
