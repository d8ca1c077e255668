import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { esmPolyfillPlugin } from './build/esm-polyfill-plugin.ts';
import { matchDataPlugin } from './build/match-data-plugin.ts';
import { validateDataset } from './core/validate-dataset.ts';
import { dataUrlFrom, hostPattern } from './extension/data-source.ts';
import { PAGES } from './extension/pages.ts';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports: a reader sees where every name comes from.
  imports: false,
  // The content script's names-only projection of the dataset; the polyfill as an ES module
  // (see build/esm-polyfill-plugin.ts).
  vite: () => ({ plugins: [matchDataPlugin(), esmPolyfillPlugin()] }),
  hooks: {
    // A bad edit of the dataset fails the build, with messages naming the entity and the field.
    'build:before': (wxt) => {
      const file = resolve(wxt.config.root, 'data/rivalry.json');
      const result = validateDataset(JSON.parse(readFileSync(file, 'utf8')));
      if (!result.ok) throw new Error(`${file} is invalid:\n  ${result.errors.join('\n  ')}`);
    },
  },
  zip: {
    // The source package for Firefox's review: what git tracks, not local output.
    excludeSources: ['demo-output/**', 'bench-output/**', 'coverage/**', '**/*.log'],
  },
  manifest: ({ browser }) => ({
    name: 'Rivalry Lens',
    description:
      'Highlights OpenAI, SpaceX, Stoke Space, Neuralink and the people around the Altman–Musk rivalry, with sourced context cards. Works offline; no page text leaves the tab.',
    // contextMenus: the "Turn Rivalry Lens off on this site" entry. activeTab (no install
    // warning): lets the popup see the address of the tab it was opened on, to tell a browser
    // page from a web page that needs a reload. The badge, tab status and messages need none.
    permissions: ['storage', 'contextMenus', 'activeTab'],
    // The content script moves to the next mention on the page and opens its card. Alt+Shift and
    // a letter is a form both Chromium and Firefox accept (Chromium refuses Ctrl+Alt); Chromium
    // still leaves it unset for an unpacked extension, which components/ShortcutHint.tsx tells.
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Go to the next highlighted mention and open its card',
      },
    },
    ...(browser === 'firefox'
      ? {
          // Asked for when data updates are turned on: the request then carries no id of the
          // installation (see extension/data-update.ts).
          optional_permissions: [hostPattern(dataUrlFrom(process.env))],
          browser_specific_settings: {
            gecko: {
              id: 'rivalry-lens@example.org',
              // 140: the first desktop version with the CSS Custom Highlight API, and the first
              // to read data_collection_permissions; also the ESR that Debian ships.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // Chromium: the highlight rules adopted at document start (entrypoints/early-sheet.ts),
          // on the same pages and frames as the content script (entrypoints/content.ts).
          content_scripts: [
            {
              matches: PAGES,
              all_frames: true,
              match_about_blank: true,
              run_at: 'document_start' as const,
              js: ['early-sheet.js'],
            },
          ],
        }),
  }),
});
