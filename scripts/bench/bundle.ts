/**
 * What the content-script bundle is made of: the same entry bundled by esbuild (minified) with
 * a metafile, bytes per package or top-level folder. An approximation of WXT's own output
 * (within a few percent), to show where the size goes. Stage one only, as the build makes it
 * (build/stage-two.ts): fuse.js is its on-demand stand-in, and Preact, unused, is left out.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GATE_NAMES_ID, gateNamesModule, matchDataModule } from '../../build/match-data-plugin.ts';

/** The sizes of the built content script's stages: content.js, and each file of stage-two/. */
export function stageSizes(extDir: string): { one: number; two: [string, number][] } {
  const dir = join(extDir, 'stage-two');
  return {
    one: statSync(join(extDir, 'content-scripts/content.js')).size,
    two: readdirSync(dir).map((f) => [f, statSync(join(dir, f)).size] as [string, number]),
  };
}

/** esbuild comes with tsx, which runs this script; null if it cannot be loaded. */
export async function bundleParts(
  root: string,
): Promise<{ total: number; parts: [string, number][] } | null> {
  const esbuild = await import('esbuild').catch(() => null);
  if (!esbuild) return null;
  const r = await esbuild.build({
    entryPoints: [resolve(root, 'entrypoints/content.ts')],
    absWorkingDir: root,
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    format: 'iife',
    define: { 'import.meta.env.MODE': '"production"', 'import.meta.env': '{}' },
    logLevel: 'error',
    plugins: [
      {
        name: 'stage-one',
        setup(b) {
          b.onResolve({ filter: /^fuse\.js\/basic$/ }, () => ({
            path: resolve(root, 'content/fuse-on-demand.ts'),
          }));
          b.onResolve({ filter: /^preact(\/hooks)?$/ }, async (args) => {
            if (args.pluginData === 'stage-one') return undefined;
            const r = await b.resolve(args.path, {
              kind: args.kind,
              resolveDir: args.resolveDir,
              pluginData: 'stage-one',
            });
            return { ...r, sideEffects: false };
          });
        },
      },
      {
        // The build's virtual module of names (a Vite plugin in the real build).
        name: 'match-data',
        setup(b) {
          b.onResolve({ filter: /^virtual:rivalry-(match-data|gate-names)$/ }, (args) => ({
            path: args.path,
            namespace: 'match-data',
          }));
          b.onLoad({ filter: /.*/, namespace: 'match-data' }, (args) => ({
            contents: args.path === GATE_NAMES_ID ? gateNamesModule() : matchDataModule(),
            loader: 'js',
          }));
        },
      },
    ],
  });
  const out = Object.values(r.metafile.outputs)[0];
  const by = new Map<string, number>();
  for (const [file, v] of Object.entries(out?.inputs ?? {})) {
    const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(file)?.[1];
    const key =
      pkg ?? (file.startsWith('match-data:') ? 'data/ (names)' : `${file.split('/')[0]}/`);
    by.set(key, (by.get(key) ?? 0) + v.bytesInOutput);
  }
  return { total: out?.bytes ?? 0, parts: [...by].sort((a, b) => b[1] - a[1]) };
}
