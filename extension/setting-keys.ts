/**
 * Where each setting is stored, apart from its schema (`setting-specs.ts`): the content script
 * follows changes by these keys and asks the background for the checked values, so the schemas
 * and their library stay out of the script every page loads.
 */
import type { StorageKey } from './storage-layout';

export const SETTING_KEYS = {
  disabledSites: 'sync:disabledSites',
  paused: 'local:paused',
  hiddenEntities: 'sync:hiddenEntities',
  highlightStyle: 'sync:highlightStyle',
  dwellMs: 'sync:dwellMs',
  dismissals: 'local:dismissals',
} as const satisfies Record<string, StorageKey>;
