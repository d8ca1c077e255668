/**
 * Stage two of the content script, built apart as ES modules into `stage-two/` once WXT has
 * built the extension, declared web-accessible, and imported by the content script when first
 * needed: painting and the hover with the first mention (`show.js`, content/lens/show.ts), the
 * card UI when a card is first to open (`card.js`, content/card/stage-two.ts), fuse.js for the
 * first possible misspelling (`fuse.js`). Each is built whole, sharing no chunk with the others.
 * WXT builds content scripts as classic scripts only; this is the pattern of its
 * `esm-content-script-ui` example.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type InlineConfig, type Plugin } from 'vite';
import type { Wxt } from 'wxt';
import { PAGES } from '../extension/pages.ts';
import { matchDataPlugin } from './match-data-plugin.ts';
import { nativeBrowserPlugin } from './native-browser-plugin.ts';
import { preactNoInnerHtmlPlugin } from './preact-no-inner-html-plugin.ts';

/** Where stage two lands in the output folder, and the URL path the content script imports. */
export const STAGE_TWO_DIR = 'stage-two';
const ENTRIES = {
  reader: 'content/reader.ts',
  show: 'content/lens/show.ts',
  card: 'content/card/stage-two.ts',
  fuse: 'content/fuse-stage-two.ts',
};

/**
 * In the content script only, fuse.js as core/fuzzy.ts imports it is content/fuse-on-demand.ts,
 * which loads the real one from stage two when a word first needs it.
 */
function fuseOnDemandPlugin(root: string): Plugin {
  const stub = resolve(root, 'content/fuse-on-demand.ts');
  return {
    name: 'rivalry-lens:fuse-on-demand',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === 'fuse.js/basic' && importer !== stub ? stub : null;
    },
  };
}

/** What of WXT's resolved config the second build follows. */
type WxtSettings = Pick<
  Wxt['config'],
  'root' | 'mode' | 'outDir' | 'command' | 'browser' | 'manifestVersion'
>;

/**
 * WXT's globals that stage two reads (`import.meta.env.FIREFOX`…): WXT's own plugin defines
 * them when Vite resolves the content script's config, after `vite:build:extendConfig`, so the
 * `define` taken there lacks them.
 */
function browserGlobals(config: WxtSettings): Record<string, string> {
  return {
    'import.meta.env.BROWSER': JSON.stringify(config.browser),
    'import.meta.env.CHROME': JSON.stringify(config.browser === 'chrome'),
    'import.meta.env.FIREFOX': JSON.stringify(config.browser === 'firefox'),
    'import.meta.env.MANIFEST_VERSION': JSON.stringify(config.manifestVersion),
  };
}

/**
 * The second build: each entry as an ES module, with the content script's defines and aliases
 * (`content`). One build per entry, so that no file imports another: Chromium resolves a
 * module's imports against the extension's fixed address, which `use_dynamic_url` refuses, so a
 * chunk shared between entries would never load. Under `wxt dev` (command `serve`) each keeps
 * watching its sources, since WXT's own rebuilds on a change never come back to `build:done`:
 * an edit of the card then shows on the next page load.
 */
export function stageTwoConfigs(config: WxtSettings, content?: InlineConfig): InlineConfig[] {
  return Object.entries(ENTRIES).map(([name, file]) => ({
    configFile: false,
    root: config.root,
    mode: config.mode,
    logLevel: 'warn',
    define: { ...content?.define, ...browserGlobals(config) },
    resolve: content?.resolve,
    plugins: [
      preactNoInnerHtmlPlugin(),
      nativeBrowserPlugin(),
      // The reader links the names and finds misspellings with fuse.js loaded on demand.
      ...(name === 'reader' ? [matchDataPlugin(), fuseOnDemandPlugin(config.root)] : []),
    ],
    build: {
      outDir: resolve(config.outDir, STAGE_TWO_DIR),
      // Emptied once before the builds (`stageTwo`): a watching build would empty it on each of
      // its rebuilds, taking the other entries' files with it.
      emptyOutDir: false,
      minify: true,
      // Vite keeps whitespace in an ES library; this one is only ever loaded, never read.
      rolldownOptions: { output: { minify: true } },
      copyPublicDir: false,
      watch: config.command === 'serve' ? {} : null,
      lib: {
        entry: { [name]: resolve(config.root, file) },
        formats: ['es'],
        fileName: (_, entry) => `${entry}.js`,
      },
    },
  }));
}

/** Registers the second build and its manifest entry on WXT's hooks (from `ready`). */
export function stageTwo(wxt: Wxt): void {
  // The content script's own build settings, for the same defines (browser, mode) and aliases.
  let content: InlineConfig | undefined;
  wxt.hooks.hook('vite:build:extendConfig', (entrypoints, config) => {
    if (!entrypoints.some((e) => e.name === 'content')) return;
    content = { define: config.define, resolve: config.resolve };
    config.plugins = [
      ...(config.plugins ?? []),
      fuseOnDemandPlugin(wxt.config.root),
      nativeBrowserPlugin(),
    ];
  });

  // Under `wxt dev`, the watchers of the last build (a restart of the dev server builds anew).
  let watchers: { close(): Promise<void> }[] = [];
  wxt.hooks.hook('build:done', async () => {
    await Promise.all(watchers.map((w) => w.close()));
    watchers = [];
    rmSync(resolve(wxt.config.outDir, STAGE_TWO_DIR), { recursive: true, force: true });
    for (const config of stageTwoConfigs(wxt.config, content)) {
      const result = await build(config);
      if ('close' in result) watchers.push(result);
    }
  });

  // So that `browser.runtime.getURL` accepts the path (entrypoints/content.ts).
  wxt.hooks.hook('prepare:publicPaths', (_, paths) => {
    for (const name of Object.keys(ENTRIES)) paths.push(`${STAGE_TWO_DIR}/${name}.js`);
  });

  wxt.hooks.hook('build:manifestGenerated', (_, manifest) => {
    const files = `${STAGE_TWO_DIR}/*`;
    if (manifest.manifest_version === 2) {
      // Firefox (MV2): a list of paths. Its moz-extension:// host is a random id per profile,
      // so a page cannot probe for the extension by it.
      const list = (manifest.web_accessible_resources ?? []) as string[];
      manifest.web_accessible_resources = [...list, files];
    } else {
      // Chromium: `use_dynamic_url` serves the files at an address that changes per session,
      // so a page cannot tell the extension is installed by asking for them.
      manifest.web_accessible_resources = [
        ...(manifest.web_accessible_resources ?? []),
        { resources: [files], matches: PAGES, use_dynamic_url: true },
      ];
    }
  });
}
