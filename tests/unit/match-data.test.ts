import { describe, expect, it } from 'vitest';
import { entityIdsModule, matchDataModule } from '../../build/match-data-plugin.ts';
import { MATCH_FIELDS, matchData } from '../../core/match-data.ts';
import { dataset } from '../../core/rivalry-data.ts';

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

  it('is what the build module exports', async () => {
    const source = matchDataModule();
    const mod = await import(`data:text/javascript,${encodeURIComponent(source)}`);
    expect(mod.default).toEqual(names);
  });

  it('gives the early highlight rules the same entities, ids only', async () => {
    const source = entityIdsModule();
    const mod = await import(`data:text/javascript,${encodeURIComponent(source)}`);
    expect(mod.default).toEqual(names.entities.map((e) => e.id));
  });
});
