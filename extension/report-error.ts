/**
 * Where a part of the extension that failed says so: once per kind of failure and page,
 * with the extension's name, so a page's console is never flooded by a throw in a loop.
 */
const PREFIX = '[Rivalry Lens]';
const reported = new Set<string>();

/** Logs `error` to the console unless an error of the same part and message was logged. */
export function reportError(error: unknown, part = 'the extension'): void {
  const message = error instanceof Error ? error.message : String(error);
  const key = `${part}\u0000${message}`;
  if (reported.has(key)) return;
  reported.add(key);
  console.error(`${PREFIX} ${part} failed:`, error);
}

/** Runs `fn`, reporting what it throws instead of letting it stop the caller. */
export function guarded<A extends unknown[]>(part: string, fn: (...args: A) => void) {
  return (...args: A): void => {
    try {
      fn(...args);
    } catch (error) {
      reportError(error, part);
    }
  };
}
