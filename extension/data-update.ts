/**
 * Keeping the rivalry data current without a release, the way uBlock Origin keeps its filter
 * lists: an option, off by default, to check the published data file (`data-source.ts`) on
 * demand and then at most daily, and an import of a data file by hand. A file is taken only if
 * it passes the bundled file's checks and is newer than the data in use; anything else is
 * refused with a message, and the data in use is kept.
 *
 * The one request is a plain GET of the file: no cookies, no cache, no referrer, no query
 * string, no header of ours, so it carries nothing about the reader or the pages read.
 *
 * The messages are written in the interface's language when they are made. An outcome kept in
 * `lastCheck` stays in the language of the context that made it (the background's is the
 * browser's, as the options page's is), which is simpler than storing keys and blanks. The
 * validation problems listed under a refusal stay in English: they name the dataset's fields,
 * and the dataset is written in English.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Dataset } from '../core/dataset';
import { dataset as bundled } from '../core/rivalry-data';
import { loadActiveDataset, storedData, usableDataset, versionOf } from './active-dataset';
import {
  CHECK_EVERY_MS,
  DATA_HOST_PATTERN,
  DATA_TIMEOUT_MS,
  DATA_URL,
  MAX_DATA_BYTES,
} from './data-source';
import { formatNumber, i18n, uiLanguage } from './i18n';

/** The option: keep the data current from the published file. Off: no request, ever. */
export const dataUpdatesOn = storage.defineItem<boolean>('local:dataUpdates', {
  fallback: false,
  version: 1,
});

/** What a check of the published file or an import found. */
export type Outcome =
  /** A newer file was taken. */
  | { kind: 'updated'; at: number; version: number; message: string }
  /** The published file is the data in use. */
  | { kind: 'current'; at: number; version: number; message: string }
  /** Nothing taken; `errors` lists what the checks found, one per line. */
  | { kind: 'refused'; at: number; message: string; errors: string[] };

/** The last check of the published file, for the options page and for "at most daily". */
export const lastCheck = storage.defineItem<Outcome | null>('local:dataCheck', {
  fallback: null,
  version: 1,
});

/** Validation messages shown at most; a file that is wrong everywhere needs no thousand lines. */
const MAX_ERRORS = 12;

/**
 * Firefox sends a cross-origin request of an extension without host access to its host with
 * `Origin: moz-extension://<uuid>`, an id random to each installation (Mozilla bug 1405971);
 * with access to the data's host (an optional permission, asked for when the option is turned
 * on or Check now is clicked) the request goes without it. Chromium sends no Origin: the content
 * scripts' match patterns already give it access to every http and https host.
 */
const NEEDS_HOST_ACCESS = import.meta.env?.FIREFOX === true;

/**
 * Asks for access to the data's host where that keeps the request free of an id. Call it first
 * thing in a click handler: Firefox grants permissions only in answer to a user action.
 */
export function requestHostAccess(): Promise<boolean> {
  if (!NEEDS_HOST_ACCESS) return Promise.resolve(true);
  return browser.permissions.request({ origins: [DATA_HOST_PATTERN] }).catch(() => false);
}

function hasHostAccess(): Promise<boolean> {
  if (!NEEDS_HOST_ACCESS) return Promise.resolve(true);
  return browser.permissions.contains({ origins: [DATA_HOST_PATTERN] }).catch(() => false);
}

export type Downloaded = { ok: true; text: string } | { ok: false; message: string };

export interface FetchOptions {
  url?: string;
  /** Whether the request may go (see `requestHostAccess`). */
  hostAccess?: () => Promise<boolean>;
  timeoutMs?: number;
  maxBytes?: number;
  fetch?: typeof fetch;
}

/** `2.05 MB`, `1 MB`: up to two decimals, none for a whole number of megabytes, as the limit is. */
function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  const digits = Number.isInteger(mb) ? 0 : 2;
  return i18n.t('data.megabytes', [
    new Intl.NumberFormat(uiLanguage(), {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(mb),
  ]);
}

/**
 * Downloads the data file: refused when the server says it is over `maxBytes` or sends more
 * than that (counted while reading, so a server that lies or sends no length is stopped too),
 * and when the whole file has not come within `timeoutMs`.
 */
export async function fetchDataFile(options: FetchOptions = {}): Promise<Downloaded> {
  const {
    url = DATA_URL,
    timeoutMs = DATA_TIMEOUT_MS,
    maxBytes = MAX_DATA_BYTES,
    fetch: get = fetch,
  } = options;
  const limit = megabytes(maxBytes);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await get(url, {
      method: 'GET',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    if (!response.ok) {
      return { ok: false, message: i18n.t('data.serverAnswered', [String(response.status), url]) };
    }
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    if (length > maxBytes) {
      controller.abort();
      return {
        ok: false,
        message: i18n.t('data.tooBig', [megabytes(length), limit]),
      };
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = response.body?.getReader();
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > maxBytes) {
          controller.abort();
          await reader.cancel().catch(() => undefined);
          return {
            ok: false,
            message: i18n.t('data.grewPast', [limit]),
          };
        }
        chunks.push(value);
      }
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return { ok: false, message: i18n.t('data.notUtf8') };
    }
  } catch (error) {
    if (controller.signal.aborted) {
      return {
        ok: false,
        message: i18n.t('data.timedOut', [formatNumber(Math.round(timeoutMs / 1000))]),
      };
    }
    return {
      ok: false,
      message: i18n.t('data.couldNotDownload', [
        url,
        error instanceof Error ? error.message : String(error),
      ]),
    };
  } finally {
    clearTimeout(timer);
  }
}

export type Accepted =
  | { ok: true; dataset: Dataset }
  | { ok: false; same: boolean; message: string; errors: string[] };

/** `text` as a data file to take in place of `inUse`: valid (see `usableDataset`) and newer. */
export function acceptDataFile(text: string, inUse: Dataset, base: Dataset = bundled): Accepted {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, same: false, message: i18n.t('data.notJson', [why]), errors: [] };
  }
  const usable = usableDataset(input, base);
  if (!usable.ok) {
    const extra = usable.errors.length - MAX_ERRORS;
    return {
      ok: false,
      same: false,
      message: i18n.t('data.failsChecks'),
      errors: [
        ...usable.errors.slice(0, MAX_ERRORS),
        ...(extra > 0 ? [i18n.t('data.moreProblems', extra, [formatNumber(extra)])] : []),
      ],
    };
  }
  const next = versionOf(usable.dataset);
  const current = versionOf(inUse);
  if (next <= current) {
    return {
      ok: false,
      same: next === current,
      message:
        next === current
          ? i18n.t('data.sameVersion', [String(next)])
          : i18n.t('data.olderVersion', [String(next), String(current)]),
      errors: [],
    };
  }
  return { ok: true, dataset: usable.dataset };
}

function refused(at: number, message: string, errors: string[] = []): Outcome {
  return { kind: 'refused', at, message: i18n.t('data.refused', [message]), errors };
}

let running: Promise<Outcome> | undefined;

/**
 * Checks the published file now and takes it if it is newer; the outcome is stored in
 * `lastCheck`. Concurrent calls in one context share one request.
 */
export function checkNow(options: FetchOptions & { now?: () => number } = {}): Promise<Outcome> {
  running ??= (async () => {
    const now = options.now ?? Date.now;
    const inUse = (await loadActiveDataset()).dataset;
    const allowed = await (options.hostAccess ?? hasHostAccess)();
    const downloaded: Downloaded = allowed
      ? await fetchDataFile(options)
      : {
          ok: false,
          message: i18n.t('data.notChecked', [new URL(options.url ?? DATA_URL).hostname]),
        };
    const at = now();
    let outcome: Outcome;
    if (!downloaded.ok) outcome = refused(at, downloaded.message);
    else {
      const accepted = acceptDataFile(downloaded.text, inUse);
      if (accepted.ok) {
        await storedData.setValue({ dataset: accepted.dataset, origin: 'download', at });
        const version = versionOf(accepted.dataset);
        outcome = { kind: 'updated', at, version, message: i18n.t('data.took', [String(version)]) };
      } else if (accepted.same) {
        const version = versionOf(inUse);
        outcome = { kind: 'current', at, version, message: i18n.t('data.latest') };
      } else outcome = refused(at, accepted.message, accepted.errors);
    }
    await lastCheck.setValue(outcome);
    return outcome;
  })().finally(() => {
    running = undefined;
  });
  return running;
}

/** Whether an automatic check is due: never checked, a day since, or a clock set back. */
export function checkDue(last: Outcome | null, now: number): boolean {
  if (!last) return true;
  return now - last.at >= CHECK_EVERY_MS || now < last.at;
}

/** The automatic check: only with the option on, and at most daily. */
export async function checkIfDue(options: FetchOptions & { now?: () => number } = {}) {
  if (!(await dataUpdatesOn.getValue())) return undefined;
  if (!checkDue(await lastCheck.getValue(), (options.now ?? Date.now)())) return undefined;
  return checkNow(options);
}

/** Takes a data file chosen by hand, with the same checks as a downloaded one. */
export async function importDataFile(
  file: { name: string; size: number; text(): Promise<string> },
  now: () => number = Date.now,
): Promise<Outcome> {
  const at = now();
  if (file.size > MAX_DATA_BYTES) {
    return refused(
      at,
      i18n.t('data.fileTooBig', [file.name, megabytes(file.size), megabytes(MAX_DATA_BYTES)]),
    );
  }
  const inUse = (await loadActiveDataset()).dataset;
  const accepted = acceptDataFile(await file.text(), inUse);
  if (!accepted.ok) {
    return refused(at, i18n.t('data.fileRefused', [file.name, accepted.message]), accepted.errors);
  }
  await storedData.setValue({ dataset: accepted.dataset, origin: 'file', at, name: file.name });
  const version = versionOf(accepted.dataset);
  return {
    kind: 'updated',
    at,
    version,
    message: i18n.t('data.tookFrom', [String(version), file.name]),
  };
}

/**
 * Back to the bundled data. The option goes off too, or the next daily check would take the
 * published file again.
 */
export async function revertToBundledData(): Promise<void> {
  await dataUpdatesOn.setValue(false);
  await storedData.removeValue();
}
