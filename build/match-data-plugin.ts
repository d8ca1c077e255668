/**
 * `import names from 'virtual:rivalry-match-data'`: the names part of `data/rivalry.json`
 * (`matchData` in `core/match-data.ts`), made at build time. The content script runs on every
 * page and needs the names only; the cards' text (descriptions, facts, sources) stays in the
 * background's bundle.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { matchData } from '../core/match-data.ts';

export const MATCH_DATA_ID = 'virtual:rivalry-match-data';
/** `import ids from 'virtual:rivalry-entity-ids'`: the highlighted entities' ids, alone. */
export const ENTITY_IDS_ID = 'virtual:rivalry-entity-ids';
const RESOLVED = `\0${MATCH_DATA_ID}`;
const RESOLVED_IDS = `\0${ENTITY_IDS_ID}`;
const DATA_FILE = fileURLToPath(new URL('../data/rivalry.json', import.meta.url));

/** The ids module's source: the highlighted entities' ids, in the dataset's order. */
export function entityIdsModule(file = DATA_FILE): string {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  return `export default ${JSON.stringify(matchData(raw).entities.map((e) => e.id))};\n`;
}

/** The module's source: a JSON string, which V8 parses faster than the same object literal. */
export function matchDataModule(file = DATA_FILE): string {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(matchData(raw)))});\n`;
}

export function matchDataPlugin(): Plugin {
  return {
    name: 'rivalry-match-data',
    resolveId(id) {
      if (id === MATCH_DATA_ID) return RESOLVED;
      return id === ENTITY_IDS_ID ? RESOLVED_IDS : undefined;
    },
    load(id) {
      if (id !== RESOLVED && id !== RESOLVED_IDS) return undefined;
      this.addWatchFile(DATA_FILE);
      return id === RESOLVED ? matchDataModule() : entityIdsModule();
    },
  };
}
