/**
 * The dataset the cards are built from: a data file taken by an update (`data-update.ts`) when
 * one is stored and still usable, the bundled `data/rivalry.json` otherwise. The content
 * script's matcher keeps the bundled names whatever is in use (they are compiled into it at
 * build time), so a data file may change what cards say but not which entities are highlighted.
 */
import { storage } from 'wxt/utils/storage';
import type { Dataset } from '../core/dataset';
import { dataset as bundled } from '../core/rivalry-data';
import { validateDataset } from '../core/validate-dataset';
import { i18n } from './i18n';

/** How a stored data file came: downloaded by a check, or imported by hand. */
export type DataOrigin = 'download' | 'file';

export interface StoredData {
  dataset: unknown;
  origin: DataOrigin;
  /** When it was taken, in ms since the epoch. */
  at: number;
  /** The imported file's name. */
  name?: string;
}

/** The data file in use instead of the bundled one, if any. Local: each browser downloads its own. */
export const storedData = storage.defineItem<StoredData | null>('local:rivalryData', {
  fallback: null,
  version: 1,
});

export type ActiveData =
  | { dataset: Dataset; origin: 'bundled' }
  | { dataset: Dataset; origin: DataOrigin; at: number; name?: string };

/** A dataset's version: a published file must carry a greater one than the data in use. */
export function versionOf(data: Pick<Dataset, 'version'>): number {
  return data.version;
}

/** The ids of the highlighted entities, sorted. */
function highlightedIds(data: Dataset): string[] {
  return data.entities
    .filter((e) => e.highlight)
    .map((e) => e.id)
    .sort();
}

export type Usable = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

/**
 * `input` (parsed JSON) as a dataset the cards may use in place of `base`: it passes every check
 * of the bundled file (`validateDataset`, which requires a version) and highlights exactly the
 * entities `base` highlights, since the matcher built into this release knows no others.
 */
export function usableDataset(input: unknown, base: Dataset = bundled): Usable {
  const result = validateDataset(input);
  if (!result.ok) return result;
  const { dataset } = result;
  const want = highlightedIds(base);
  const got = highlightedIds(dataset);
  if (want.join() !== got.join()) {
    return {
      ok: false,
      // Unlike validateDataset's problems (English, as the dataset is), this one is about the
      // release rather than a field's value, so it is said in the interface's language.
      errors: [i18n.t('data.otherEntities', [got.join(', '), want.join(', ')])],
    };
  }
  return { ok: true, dataset };
}

/**
 * The dataset in use. A stored file is used only while it still passes the checks (another
 * build may have written it) and is newer than the bundled one (a release may have overtaken it).
 */
export async function loadActiveDataset(): Promise<ActiveData> {
  const stored = await storedData.getValue().catch(() => null);
  if (stored && typeof stored === 'object') {
    const usable = usableDataset(stored.dataset);
    if (usable.ok && versionOf(usable.dataset) > versionOf(bundled)) {
      return {
        dataset: usable.dataset,
        origin: stored.origin === 'file' ? 'file' : 'download',
        at: stored.at,
        ...(stored.name ? { name: stored.name } : {}),
      };
    }
  }
  return { dataset: bundled, origin: 'bundled' };
}

/** Calls `listener` whenever the dataset in use may have changed. */
export function watchActiveDataset(listener: () => void): () => void {
  return storedData.watch(() => listener());
}
