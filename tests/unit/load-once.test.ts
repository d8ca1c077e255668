/** A part loaded when first needed (content/load-once.ts). */
import { describe, expect, it, vi } from 'vitest';
import { loadOnce } from '../../content/load-once';

describe('loadOnce', () => {
  it('loads once for every need at the same time, then keeps what it loaded', async () => {
    const load = vi.fn(() => Promise.resolve({ part: 1 }));
    const part = loadOnce(load);
    expect(part.value).toBeNull();
    const [a, b] = await Promise.all([part.get(), part.get()]);
    expect(a).toEqual({ part: 1 });
    expect(b).toBe(a);
    expect(part.value).toBe(a);
    expect(await part.get()).toBe(a);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says a failed load, answers null, and loads again on the next need', async () => {
    const error = new Error('Failed to fetch dynamically imported module');
    const load = vi.fn().mockRejectedValueOnce(error).mockResolvedValueOnce('loaded');
    const failed = vi.fn();
    const part = loadOnce<string>(load, failed);
    expect(await part.get()).toBeNull();
    expect(failed).toHaveBeenCalledWith(error);
    expect(part.value).toBeNull();
    expect(await part.get()).toBe('loaded');
    expect(load).toHaveBeenCalledTimes(2);
    expect(failed).toHaveBeenCalledTimes(1);
  });
});
