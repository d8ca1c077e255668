/** A timer that runs once, can be set again (replacing the wait) or cancelled, and dies with its signal. */
export class OneShot {
  private handle: ReturnType<typeof setTimeout> | null = null;

  constructor(signal: AbortSignal) {
    signal.addEventListener('abort', () => this.cancel(), { once: true });
  }

  /** Runs `fn` after `ms`, instead of anything set before. */
  set(fn: () => void, ms: number): void {
    this.cancel();
    this.handle = setTimeout(() => {
      this.handle = null;
      fn();
    }, ms);
  }

  cancel(): void {
    if (this.handle !== null) clearTimeout(this.handle);
    this.handle = null;
  }

  get pending(): boolean {
    return this.handle !== null;
  }
}
