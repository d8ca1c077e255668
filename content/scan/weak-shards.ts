/**
 * A WeakSet kept in shards of at most `SHARD` entries. One WeakSet grows by rehashing all of
 * itself in one step, so the WeakSet of a big page's blocks made long tasks of our own work
 * (see docs/benchmark.md). Shards bound that step to the size of one; a lookup asks each shard in turn (a
 * page of 200,000 blocks has 13).
 */
export const SHARD = 1 << 14;

export class ShardedWeakSet<T extends object> {
  private readonly shards: WeakSet<T>[] = [new WeakSet()];
  /** Entries the newest shard may still take. */
  private room = SHARD;

  has(value: T): boolean {
    for (const shard of this.shards) if (shard.has(value)) return true;
    return false;
  }

  /**
   * Only the newest shard is asked whether it holds `value` already (a value may then sit in an
   * older shard too, which `has` and `delete` allow): callers ask `has` before they add, and
   * asking every shard again made each add of a 200,000-block page cost 13 lookups.
   */
  add(value: T): void {
    const newest = this.shards[this.shards.length - 1] as WeakSet<T>;
    if (newest.has(value)) return;
    if (this.room === 0) {
      this.shards.push(new WeakSet());
      this.room = SHARD;
    }
    (this.shards[this.shards.length - 1] as WeakSet<T>).add(value);
    this.room--;
  }

  delete(value: T): void {
    for (const shard of this.shards) shard.delete(value);
  }

  /** How many shards there are. */
  get shardCount(): number {
    return this.shards.length;
  }
}
