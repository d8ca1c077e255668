import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { guarded, reportError } from '../../extension/report-error';

/** The module remembers what it logged for the page's life: each test uses its own messages. */
let errors: ReturnType<typeof vi.fn<typeof console.error>>;
beforeEach(() => {
  errors = vi.fn();
  vi.spyOn(console, 'error').mockImplementation(errors);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('reportError', () => {
  it('logs with the extension name and the part, once per part and message', () => {
    const error = new Error('once only');
    reportError(error, 'painter');
    reportError(new Error('once only'), 'painter');
    expect(errors).toHaveBeenCalledExactlyOnceWith('[Rivalry Lens] painter failed:', error);
    reportError(new Error('once only'), 'observer');
    reportError(new Error('another message'), 'painter');
    expect(errors).toHaveBeenCalledTimes(3);
  });

  it('reports what is not an Error by its text', () => {
    reportError('a string thrown');
    reportError('a string thrown');
    expect(errors).toHaveBeenCalledExactlyOnceWith(
      '[Rivalry Lens] the extension failed:',
      'a string thrown',
    );
  });
});

describe('guarded', () => {
  it('passes its arguments on and reports a throw instead of letting it out', () => {
    const error = new Error('guarded throw');
    const fn = vi.fn((n: number) => {
      if (n > 1) throw error;
    });
    const safe = guarded('hover', fn);
    safe(1);
    expect(errors).not.toHaveBeenCalled();
    expect(() => safe(2)).not.toThrow();
    expect(fn).toHaveBeenLastCalledWith(2);
    expect(errors).toHaveBeenCalledExactlyOnceWith('[Rivalry Lens] hover failed:', error);
  });
});
