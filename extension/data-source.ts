/**
 * Where the rivalry data is kept current from, and the limits of that one request. The address
 * is set here and nowhere else; a build may point it elsewhere with the environment variable
 * `WXT_RIVALRY_DATA_URL` (the end-to-end tests point it at 127.0.0.1), which WXT, like Vite,
 * passes to `import.meta.env` for names starting with `WXT_`.
 */

/** Where each release publishes its data file: the dataset of the repository's main branch. */
export const DEFAULT_DATA_URL =
  'https://raw.githubusercontent.com/rivalry-lens/rivalry-lens/main/data/rivalry.json';

/** The build's environment, or nothing where this runs unbundled (`wxt.config.ts` in Node). */
type BuildEnv = { readonly [name: string]: unknown };

/** The data address a build with environment `env` checks. */
export function dataUrlFrom(env: BuildEnv | undefined): string {
  const url = env?.WXT_RIVALRY_DATA_URL;
  return typeof url === 'string' && url !== '' ? url : DEFAULT_DATA_URL;
}

/** The match pattern of a URL's host, any port: what a host permission for it names. */
export function hostPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/** The published data file this build checks. */
export const DATA_URL: string = dataUrlFrom(import.meta.env);

/** What a host permission for the data's host names (Firefox asks for it: see `data-update.ts`). */
export const DATA_HOST_PATTERN = hostPattern(DATA_URL);

/** A server that has not sent the whole file by then is given up on. */
export const DATA_TIMEOUT_MS: number =
  Number(import.meta.env?.WXT_RIVALRY_DATA_TIMEOUT_MS) || 15_000;

/** The bundled file is a tenth of this; a file past it is not a dataset but a mistake. */
export const MAX_DATA_BYTES = 1024 * 1024;

/** At most one automatic check a day. */
export const CHECK_EVERY_MS = 24 * 60 * 60 * 1000;
