/**
 * Where the rivalry data is kept current from, and the limits of that one request. The address
 * is set here and nowhere else; a build may point it elsewhere with the environment variable
 * `WXT_RIVALRY_DATA_URL` (the end-to-end tests point it at 127.0.0.1), which WXT, like Vite,
 * passes to `import.meta.env` for names starting with `WXT_`.
 */

/** Where each release publishes its data file: the dataset of the repository's main branch. */
export const DEFAULT_DATA_URL =
  'https://raw.githubusercontent.com/rivalry-lens/rivalry-lens/main/data/rivalry.json';

/** The published data file this build checks. */
export const DATA_URL: string = import.meta.env.WXT_RIVALRY_DATA_URL || DEFAULT_DATA_URL;

/** A server that has not sent the whole file by then is given up on. */
export const DATA_TIMEOUT_MS: number =
  Number(import.meta.env.WXT_RIVALRY_DATA_TIMEOUT_MS) || 15_000;

/** The bundled file is a tenth of this; a file past it is not a dataset but a mistake. */
export const MAX_DATA_BYTES = 1024 * 1024;

/** At most one automatic check a day. */
export const CHECK_EVERY_MS = 24 * 60 * 60 * 1000;
