import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { addEarlySheet, EARLY_SHEET_FILE } from './build/early-sheet.ts';
import { esmPolyfillPlugin } from './build/esm-polyfill-plugin.ts';
import { addIconAssets, addIconsToManifest } from './build/icons.ts';
import { matchDataPlugin } from './build/match-data-plugin.ts';
import { preactNoInnerHtmlPlugin } from './build/preact-no-inner-html-plugin.ts';
import { stageTwo } from './build/stage-two.ts';
import { validateDataset } from './core/validate-dataset.ts';
import { dataUrlFrom, hostPattern } from './extension/data-source.ts';
import { PAGES } from './extension/pages.ts';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Explicit imports: a reader sees where every name comes from.
  imports: false,
  // The content script's names-only projection of the dataset; the polyfill as an ES module
  // (see build/esm-polyfill-plugin.ts); Preact without its innerHTML branch, which Firefox's
  // review reports (build/preact-no-inner-html-plugin.ts).
  vite: () => ({
    plugins: [matchDataPlugin(), esmPolyfillPlugin(), preactNoInnerHtmlPlugin()],
  }),
  hooks: {
    // The card UI as stage two of the content script, loaded on demand (build/stage-two.ts).
    ready: stageTwo,
    // A bad edit of the dataset fails the build, with messages naming the entity and the field.
    'build:before': (wxt) => {
      const file = resolve(wxt.config.root, 'data/rivalry.json');
      const result = validateDataset(JSON.parse(readFileSync(file, 'utf8')));
      if (!result.ok) throw new Error(`${file} is invalid:\n  ${result.errors.join('\n  ')}`);
    },
    // The icons, rendered from assets/icon.svg (see build/icons.ts), and Chromium's highlight
    // rules from document start (build/early-sheet.ts).
    'build:publicAssets': (wxt, assets) => {
      addIconAssets(wxt, assets);
      addEarlySheet(wxt, assets);
    },
    'build:manifestGenerated': addIconsToManifest,
  },
  zip: {
    // The source package for Firefox's review is `git archive` of HEAD, made by scripts/zip.ts:
    // WXT's would copy the working folder, untracked files included.
    zipSources: false,
  },
  manifest: ({ browser }) => ({
    // Words in locales/*.yml (WXT's i18n module writes _locales/ from them). The description
    // is at most 132 characters in every language (the Chrome Web Store's limit).
    default_locale: 'en',
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
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
        description: '__MSG_ext_commandNextMention__',
      },
    },
    ...(browser === 'firefox'
      ? {
          // Asked for when data updates are turned on: the request then carries no id of the
          // installation (see extension/data-update.ts).
          optional_permissions: [hostPattern(dataUrlFrom(process.env))],
          browser_specific_settings: {
            gecko: {
              // The add-on's id for good: an address-shaped name under the project's own
              // GitHub domain (the organisation that publishes the data file), which no one
              // else can claim.
              id: 'rivalry-lens@rivalry-lens.github.io',
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
          // The browser namespace (build/native-browser-plugin.ts); the CSS Custom Highlight API
          // is older (105).
          minimum_chrome_version: '148',
          // Chromium: the highlight rules from document start (build/early-sheet.ts), on the same
          // pages and frames as the content script (entrypoints/content.ts).
          content_scripts: [
            {
              matches: PAGES,
              all_frames: true,
              match_about_blank: true,
              // Put in before the page is parsed, as content-script CSS always is.
              css: [EARLY_SHEET_FILE],
            },
          ],
        }),
  }),
});
