/**
 * A part of the content script loaded when first needed: one load at a time, kept once loaded;
 * after a failed load (the extension was updated under the page) the next need loads again.
 */
export interface LoadOnce<T> {
  /** The part, once loaded. */
  readonly value: T | null;
  /** The part, loading it if need be; null if the load failed. */
  get(): Promise<T | null>;
}

export function loadOnce<T>(
  load: () => Promise<T>,
  failed?: (error: unknown) => void,
): LoadOnce<T> {
  let value: T | null = null;
  let pending: Promise<T | null> | null = null;
  return {
    get value() {
      return value;
    },
    get() {
      pending ??= load().then(
        (v) => (value = v),
        (error: unknown) => {
          pending = null;
          failed?.(error);
          return null;
        },
      );
      return pending;
    },
  };
}
