import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports: a reader sees where every name comes from.
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Rivalry Lens',
    description:
      'Highlights OpenAI, SpaceX, Stoke Space, Neuralink and the people around the Altman–Musk rivalry, with sourced context cards. Works offline; no page text leaves the tab.',
    // contextMenus: the "Turn Rivalry Lens off on this site" entry (issue 4). Nothing else: the badge,
    // tab status and messages need no permission, and the popup learns the site from the page.
    permissions: ['storage', 'contextMenus'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'rivalry-lens@example.org',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
