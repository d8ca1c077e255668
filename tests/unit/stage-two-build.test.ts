/** The second build's settings (build/stage-two.ts). */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGE_TWO_DIR, stageTwoConfig } from '../../build/stage-two';

const base = { root: '/repo', mode: 'production', outDir: '/repo/.output/chrome-mv3' };

describe('stageTwoConfig', () => {
  it('builds the card and fuse.js as ES modules into stage-two/, once, for `wxt build`', () => {
    const config = stageTwoConfig({ ...base, command: 'build' });
    expect(config.build?.outDir).toBe(resolve(base.outDir, STAGE_TWO_DIR));
    expect(config.build?.watch).toBeNull();
    const lib = config.build?.lib;
    expect(lib ? lib.formats : undefined).toEqual(['es']);
    expect(lib && Object.keys(lib.entry as Record<string, string>)).toEqual(['card', 'fuse']);
  });

  it('keeps watching its sources under `wxt dev`, whose rebuilds skip build:done', () => {
    expect(stageTwoConfig({ ...base, command: 'serve' }).build?.watch).toEqual({});
  });

  it("follows the content script's defines and aliases", () => {
    const content = { define: { 'import.meta.env.FIREFOX': 'true' }, resolve: { alias: {} } };
    const config = stageTwoConfig({ ...base, command: 'build' }, content);
    expect(config.define).toBe(content.define);
    expect(config.resolve).toBe(content.resolve);
  });
});
