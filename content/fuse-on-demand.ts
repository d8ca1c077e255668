/**
 * fuse.js on demand. In the content script's build, `fuse.js/basic` resolves to this module
 * (build/stage-two.ts), so core/fuzzy.ts ranks with fuse.js once it is loaded from stage two,
 * the first time a word passes the cheap filters as a possible misspelling. Until then a search
 * finds nothing and says so (`ready`): nothing of it is cached, and the block is read again when
 * fuse.js is ready (content/lens/lens.ts).
 */
import type Fuse from 'fuse.js/basic';

type FuseClass = typeof Fuse;

let real: FuseClass | null = null;
let load: (() => Promise<FuseClass>) | null = null;
let loading = false;
let missed = false;
const waiting: (() => void)[] = [];

const start = () => {
  if (loading || !load) return;
  loading = true;
  load().then(
    (F) => {
      real = F;
      for (const cb of waiting.splice(0)) cb();
    },
    () => {
      // Not loaded (the extension was updated under the page): the next such word tries again.
      loading = false;
    },
  );
};

/** What the content script and the lens see of the loading (see `LensOptions.deferred`). */
export const fuseOnDemand = {
  /** How fuse.js is loaded (the content script imports it from stage two). */
  loadWith(loader: () => Promise<FuseClass>): void {
    load = loader;
  },
  /** Whether a search came before fuse.js was ready since the last time this was asked. */
  missed(): boolean {
    const m = missed;
    missed = false;
    return m;
  },
  /** Calls `cb` once fuse.js is ready. */
  onReady(cb: () => void): void {
    if (real) cb();
    else waiting.push(cb);
  },
};

/** Stands in for fuse.js's class: the same construction and search, made real on first use. */
export default class OnDemandFuse<T> {
  private inner: Fuse<T> | null = null;

  constructor(
    private readonly docs: readonly T[],
    private readonly options?: ConstructorParameters<typeof Fuse<T>>[1],
  ) {}

  /** False while fuse.js is still loading: a search then finds nothing, for now. */
  get ready(): boolean {
    return real !== null;
  }

  search(query: string, options?: { limit?: number }): ReturnType<Fuse<T>['search']> {
    if (!real) {
      missed = true;
      start();
      return [];
    }
    this.inner ??= new real(this.docs, this.options);
    return this.inner.search(query, options);
  }
}
