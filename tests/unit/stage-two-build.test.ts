/** The second build's settings (build/stage-two.ts). */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGE_TWO_DIR, stageTwoConfigs } from '../../build/stage-two';

const base = {
  root: '/repo',
  mode: 'production',
  outDir: '/repo/.output/chrome-mv3',
  browser: 'chrome',
  manifestVersion: 3,
} as const;

describe('stageTwoConfig', () => {
  it('builds the reader, painting, the card and fuse.js apart as ES modules into stage-two/, once, for `wxt build`', () => {
    const configs = stageTwoConfigs({ ...base, command: 'build' });
    // One build each: a chunk shared between them would be imported from the fixed address.
    const entries = (c: (typeof configs)[number]) => {
      const lib = c.build?.lib;
      return lib ? Object.keys(lib.entry as Record<string, string>) : [];
    };
    expect(configs.map(entries)).toEqual([['reader'], ['show'], ['card'], ['fuse']]);
    for (const config of configs) {
      expect(config.build?.outDir).toBe(resolve(base.outDir, STAGE_TWO_DIR));
      expect(config.build?.watch).toBeNull();
      expect(config.build?.lib ? config.build.lib.formats : undefined).toEqual(['es']);
    }
    // None empties the folder (a watching one would, on each rebuild, with the others' files).
    expect(configs.map((c) => c.build?.emptyOutDir)).toEqual([false, false, false, false]);
  });

  it('keeps watching its sources under `wxt dev`, whose rebuilds skip build:done', () => {
    for (const config of stageTwoConfigs({ ...base, command: 'serve' })) {
      expect(config.build?.watch).toEqual({});
    }
  });

  it("follows the content script's defines and aliases, and WXT's browser globals", () => {
    const content = { define: { __APP__: '"x"' }, resolve: { alias: {} } };
    for (const config of stageTwoConfigs({ ...base, command: 'build' }, content)) {
      expect(config.define).toMatchObject(content.define);
      expect(config.define).toMatchObject({ 'import.meta.env.FIREFOX': 'false' });
      expect(config.resolve).toBe(content.resolve);
    }
    // WXT defines these after the content script's config is taken: they are stage two's own.
    const firefox = { ...base, browser: 'firefox', manifestVersion: 2, command: 'build' } as const;
    for (const config of stageTwoConfigs(firefox, content))
      expect(config.define).toMatchObject({
        'import.meta.env.FIREFOX': 'true',
        'import.meta.env.MANIFEST_VERSION': '2',
      });
  });
});
