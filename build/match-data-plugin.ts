/**
 * `import names from 'virtual:rivalry-match-data'`: the names part of `data/rivalry.json`
 * (`matchData` in `core/match-data.ts`), prepared for the matcher at build time
 * (`prepareNames`), so a page only links them (`linkMatcher`). The content script runs on every
 * page and needs the names only; the cards' text (descriptions, facts, sources) stays in the
 * background's bundle.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { matchData } from '../core/match-data.ts';
import { gateNames } from '../core/gate.ts';
import { prepareNames } from '../core/prepare-names.ts';

export const MATCH_DATA_ID = 'virtual:rivalry-match-data';
/** `import names from 'virtual:rivalry-gate-names'`: what stage one's gate needs of the names. */
export const GATE_NAMES_ID = 'virtual:rivalry-gate-names';
const DATA_FILE = fileURLToPath(new URL('../data/rivalry.json', import.meta.url));

const readMatchData = (file: string) => matchData(JSON.parse(readFileSync(file, 'utf8')));

/** The module's source: a JSON string, which V8 parses faster than the same object literal. */
export function matchDataModule(file = DATA_FILE): string {
  const names = prepareNames(readMatchData(file));
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(names))});\n`;
}

/** The gate's module (`gateNames` in `core/gate.ts`), a JSON string like the names'. */
export function gateNamesModule(file = DATA_FILE): string {
  const names = gateNames(prepareNames(readMatchData(file)));
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(names))});\n`;
}

/** The highlighted entities' ids, in the dataset's order (for `build/early-sheet.ts`). */
export function entityIds(file = DATA_FILE): string[] {
  return readMatchData(file).entities.map((e) => e.id);
}

/** Each virtual module's source, by its resolved id. */
const SOURCES: Record<string, () => string> = {
  [`\0${MATCH_DATA_ID}`]: () => matchDataModule(),
  [`\0${GATE_NAMES_ID}`]: () => gateNamesModule(),
};

export function matchDataPlugin(): Plugin {
  return {
    name: 'rivalry-match-data',
    resolveId(id) {
      return `\0${id}` in SOURCES ? `\0${id}` : undefined;
    },
    load(id) {
      const source = SOURCES[id];
      if (!source) return undefined;
      this.addWatchFile(DATA_FILE);
      return source();
    },
  };
}
