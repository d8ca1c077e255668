/**
 * The bundled dataset (`data/rivalry.json`), typed. It is validated where that costs pages
 * nothing: the build refuses an invalid file (the `build:before` hook in `wxt.config.ts`) and the
 * unit tests run the same checks (`loadDataset` in `validate-dataset.ts`). Validating again on
 * load would ship the validator in the content script of every page.
 */
import raw from '../data/rivalry.json';
import type { Dataset } from './dataset.ts';

/** The bundled dataset. */
export const dataset = raw as unknown as Dataset;
