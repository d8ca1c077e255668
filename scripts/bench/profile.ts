/**
 * Where our time goes: a CPU profile of the content script (run from an unminified build of the
 * same code, so functions keep their names).
 */
import type { Page } from 'playwright-core';
import { type BenchBrowser, freshPage } from './browser.ts';

export interface Profile {
  /** Time of the samples with our code on the stack, ms. */
  oursMs: number;
  hot: HotFunction[];
}

export interface HotFunction {
  name: string;
  where: string;
  selfMs: number;
  share: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/**
 * A CPU profile (CDP `Profiler`, 100 µs sampling) of `during` in a fresh tab (after `before`):
 * the functions where the samples that have our code on the stack spend their time (self time,
 * including the browser built-ins our code calls, named after them).
 */
export async function profileRun(
  b: BenchBrowser,
  probe: string,
  before: (page: Page) => Promise<void>,
  during: (page: Page) => Promise<void>,
): Promise<Profile> {
  const page = await freshPage(b, probe);
  const cdp = await b.context.newCDPSession(page);
  await before(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await during(page);
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  await cdp.detach();
  await page.close();

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isOurs = (n: ProfileNode) => n.callFrame.url.startsWith('chrome-extension://');
  const underOurs = new Map<number, ProfileNode | null>();
  const ourAncestor = (id: number): ProfileNode | null => {
    const known = underOurs.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id);
    const p = parent.get(id);
    const found = !n ? null : isOurs(n) ? n : p === undefined ? null : ourAncestor(p);
    underOurs.set(id, found);
    return found;
  };
  const self = new Map<string, { name: string; where: string; us: number }>();
  let oursUs = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    const anc = ourAncestor(id);
    if (!anc) return;
    oursUs += us;
    const leaf = byId.get(id) as ProfileNode;
    const f = leaf.callFrame;
    const name = f.functionName || '(anonymous)';
    const where = isOurs(leaf)
      ? `${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`
      : `built-in, called from ${anc.callFrame.functionName || '(anonymous)'}`;
    const key = `${name}|${where}`;
    const entry = self.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    self.set(key, entry);
  });
  const hot = [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, 12)
    .map((e) => ({
      name: e.name,
      where: e.where,
      selfMs: e.us / 1000,
      share: oursUs ? e.us / oursUs : 0,
    }));
  return { oursMs: oursUs / 1000, hot };
}
