/**
 * The extension's icons, drawn once in `assets/icon.svg` and rendered to PNG at build time
 * (resvg, a prebuilt binary from npm): the manifest's icon at every size the browsers and stores
 * ask for, and the toolbar button's icon for each state (`TOOLBAR_STATES`). A state is a small
 * transform of the one drawing, so the variants cannot drift from it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import type { ResolvedPublicFile, Wxt } from 'wxt';
import {
  stateIconPath,
  TOOLBAR_ICON_SIZES,
  TOOLBAR_STATES,
  type ToolbarState,
} from '../extension/toolbar-state.ts';

/** The manifest's sizes: 16 (favicon, menus), 32, 48 (extensions page), 128 (install, stores). */
export const ICON_SIZES = [16, 32, 48, 128] as const;
export const ICON_SOURCE = fileURLToPath(new URL('../assets/icon.svg', import.meta.url));

/** The manifest icon at one size; WXT's own naming, so that its icon discovery agrees. */
export const iconPath = (size: number): string => `icon/${size}.png`;

/** The states that grey the whole drawing: the extension does not highlight there. */
const GREYED: readonly ToolbarState[] = ['site-off', 'paused'];

/**
 * The drawing for `state`: a group marked `data-state="…"` stays only in the states it names, and
 * the states where nothing is highlighted are greyed.
 */
export function stateSvg(source: string, state: ToolbarState): string {
  let svg = source.replace(
    /<g id="[\w-]+" data-state="([^"]*)"[^>]*>[\s\S]*?<\/g>/g,
    (group, states: string) => (states.split(' ').includes(state) ? group : ''),
  );
  if (GREYED.includes(state)) {
    svg = svg
      .replace(
        '<defs>',
        '<defs><filter id="grey"><feColorMatrix type="saturate" values="0"/></filter>',
      )
      .replace('<g id="icon">', '<g id="icon" filter="url(#grey)" opacity="0.75">');
  }
  return svg;
}

/**
 * resvg's options for a drawing `size` pixels wide. The drawing has no text, so the system's fonts
 * are not loaded: scanning them took seconds on a machine with many installed.
 */
export const resvgOptions = (size: number) =>
  ({ fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }) as const;

/** `svg` as a PNG `size` pixels wide. resvg draws the same bytes for the same input. */
export function renderPng(svg: string, size: number): Buffer {
  return new Resvg(svg, resvgOptions(size)).render().asPng();
}

/** Every icon file of the build, by its path in the output folder. */
export function iconFiles(source = readFileSync(ICON_SOURCE, 'utf8')): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const on = stateSvg(source, 'on');
  for (const size of ICON_SIZES) files.set(iconPath(size), renderPng(on, size));
  for (const state of TOOLBAR_STATES) {
    const svg = stateSvg(source, state);
    for (const size of TOOLBAR_ICON_SIZES)
      files.set(stateIconPath(state, size), renderPng(svg, size));
  }
  return files;
}

/**
 * `build:publicAssets`: WXT copies public files from disk, so the PNGs are written under `.wxt/`
 * first (WXT's text-only `contents` cannot carry them).
 */
export function addIconAssets(wxt: Wxt, assets: ResolvedPublicFile[]): void {
  const dir = resolve(wxt.config.wxtDir, 'icons');
  for (const [path, png] of iconFiles()) {
    const file = resolve(dir, path);
    mkdirSync(resolve(file, '..'), { recursive: true });
    writeFileSync(file, png);
    assets.push({ absoluteSrc: file, relativeDest: path });
  }
}

/** `build:manifestGenerated`: the icons, and the toolbar button's own until a state sets one. */
export function addIconsToManifest(_wxt: Wxt, manifest: Record<string, unknown>): void {
  manifest.icons = Object.fromEntries(ICON_SIZES.map((size) => [size, iconPath(size)]));
  const actionKey = manifest.manifest_version === 2 ? 'browser_action' : 'action';
  const action = (manifest[actionKey] ?? {}) as Record<string, unknown>;
  action.default_icon = Object.fromEntries(
    TOOLBAR_ICON_SIZES.map((size) => [size, stateIconPath('on', size)]),
  );
  manifest[actionKey] = action;
}
