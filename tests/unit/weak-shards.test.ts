import { describe, expect, it } from 'vitest';
import { SHARD, ShardedWeakSet } from '../../content/scan/weak-shards';

describe('ShardedWeakSet', () => {
  it('holds what was added across shards of at most SHARD entries', () => {
    const set = new ShardedWeakSet<object>();
    const items = Array.from({ length: SHARD * 2 + 5 }, () => ({}));
    for (const item of items) set.add(item);
    expect(set.shardCount).toBe(3);
    expect(items.every((item) => set.has(item))).toBe(true);
    expect(set.has({})).toBe(false);
  });

  it('takes a value out of whichever shard holds it, and counts a value once', () => {
    const set = new ShardedWeakSet<object>();
    const items = Array.from({ length: SHARD + 1 }, () => ({}));
    for (const item of items) set.add(item);
    const [first, last] = [items[0] as object, items[SHARD] as object];
    set.delete(first);
    set.delete(last);
    expect(set.has(first)).toBe(false);
    expect(set.has(last)).toBe(false);
    expect(set.has(items[1] as object)).toBe(true);
    // Adding what the newest shard holds already takes no room.
    const newest = items[SHARD - 1] as object;
    for (let i = 0; i < SHARD; i++) set.add(newest);
    set.add(items[SHARD] as object);
    expect(set.shardCount).toBe(2);
  });
});
