/**
 * The bundled dataset (`data/rivalry.json`), validated and typed. The build already refuses an
 * invalid file (see `wxt.config.ts`); validating again on load costs well under a millisecond
 * and is what gives the JSON its types.
 */
import raw from '../data/rivalry.json';
import type { Dataset } from './dataset.ts';
import { validateDataset } from './validate-dataset.ts';

/** `data/rivalry.json`, validated; throws with every problem found when it is invalid. */
export function loadDataset(input: unknown = raw): Dataset {
  const result = validateDataset(input);
  if (!result.ok) {
    throw new Error(`data/rivalry.json is invalid:\n  ${result.errors.join('\n  ')}`);
  }
  return result.dataset;
}

/** The bundled dataset. */
export const dataset: Dataset = loadDataset();
