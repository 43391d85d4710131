// Fixed-size collections for the audit: a heap of the N worst items and a counter of frequent keys.

/**
 * Keeps the `capacity` items that rank lowest by `compare` (negative: `a` ranks before `b`).
 * A max-heap on rank, so the best of the kept items is dropped first. With `key`, it keeps at
 * most one item per key, the lowest-ranked of those offered: the result is then the
 * `capacity` keys whose lowest items rank lowest, each with that item, whatever the order of
 * offers (an item ranking after every kept one can never be one of them, so it is dropped
 * before its key is computed).
 */
export class BoundedHeap<T> {
  private readonly items: T[] = [];
  /** With `key`: each kept item's key and its index in `items`. */
  private readonly keys: string[] = [];
  private readonly slots = new Map<string, number>();

  constructor(
    readonly capacity: number,
    private readonly compare: (a: T, b: T) => number,
    private readonly key?: (item: T) => string,
  ) {}

  /** True when `item` may be kept; lets callers skip building items that would be dropped. */
  accepts(item: T): boolean {
    return this.items.length < this.capacity || (this.capacity > 0 && this.compare(item, this.items[0]) < 0);
  }

  /** Offers an item; keeps it when it ranks among the first `capacity` (of its key, with `key`). */
  push(item: T): void {
    if (!this.accepts(item)) return;
    if (this.key === undefined) {
      if (this.items.length < this.capacity) {
        this.items.push(item);
        this.siftUp(this.items.length - 1);
      } else {
        this.items[0] = item;
        this.siftDown(0);
      }
      return;
    }
    const key = this.key(item);
    const slot = this.slots.get(key);
    if (slot !== undefined) {
      // Its key is kept: the lower-ranked of the two stays. Ranking lower, it can only move
      // away from the top of the max-heap.
      if (this.compare(item, this.items[slot]) < 0) {
        this.items[slot] = item;
        this.siftDown(slot);
      }
      return;
    }
    if (this.items.length < this.capacity) {
      this.items.push(item);
      this.keys.push(key);
      this.slots.set(key, this.items.length - 1);
      this.siftUp(this.items.length - 1);
    } else {
      this.slots.delete(this.keys[0]);
      this.items[0] = item;
      this.keys[0] = key;
      this.slots.set(key, 0);
      this.siftDown(0);
    }
  }

  /** The best-ranked kept item: the next to be dropped. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** The kept items in no particular order (to hand them to another heap). */
  all(): readonly T[] {
    return this.items;
  }

  /** The kept items in rank order. */
  sorted(): T[] {
    return [...this.items].sort(this.compare);
  }

  get size(): number {
    return this.items.length;
  }

  private swap(a: number, b: number): void {
    const { items } = this;
    [items[a], items[b]] = [items[b], items[a]];
    if (this.key !== undefined) {
      const { keys } = this;
      [keys[a], keys[b]] = [keys[b], keys[a]];
      this.slots.set(keys[a], a);
      this.slots.set(keys[b], b);
    }
  }

  private siftUp(index: number): void {
    const { items } = this;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.compare(items[index], items[parent]) <= 0) return;
      this.swap(index, parent);
      index = parent;
    }
  }

  private siftDown(index: number): void {
    const { items } = this;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let largest = index;
      if (left < items.length && this.compare(items[left], items[largest]) > 0) largest = left;
      if (right < items.length && this.compare(items[right], items[largest]) > 0) largest = right;
      if (largest === index) return;
      this.swap(index, largest);
      index = largest;
    }
  }
}

/** An entry of a `FrequentCounter`. */
export interface CountedEntry<V> {
  key: string;
  /** Occurrences counted since the key was (last) taken in. */
  count: number;
  /** At most this many earlier occurrences may be missing from `count` (dropped with the key). */
  error: number;
  value: V;
}

/**
 * Counts occurrences of keys with at most `capacity` keys in memory (lossy counting). When
 * full, the less frequent half is dropped; `maxDropped` is then the most occurrences any
 * dropped key may have had (its count plus its own error). A key taken in afterwards starts
 * with that as its `error`, since it may have been among the dropped: its true count lies
 * between `count` and `count + error`, however often it was dropped and taken in again.
 */
export class FrequentCounter<V> {
  private readonly entries = new Map<string, CountedEntry<V>>();
  /** The most occurrences a dropped key may have had: the error of a key taken in now. */
  maxDropped = 0;

  constructor(
    private readonly capacity: number,
    private readonly create: (key: string) => V,
  ) {}

  /** Adds one occurrence of `key` and returns its entry so the caller can update `value`. */
  add(key: string): CountedEntry<V> {
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size >= this.capacity) this.prune();
      entry = { key, count: 0, error: this.maxDropped, value: this.create(key) };
      this.entries.set(key, entry);
    }
    entry.count++;
    return entry;
  }

  /** Entries with the highest counts, at most `limit`, most frequent first. */
  top(limit: number, minCount = 1): CountedEntry<V>[] {
    const result: CountedEntry<V>[] = [];
    for (const entry of this.entries.values()) if (entry.count >= minCount) result.push(entry);
    return result.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1)).slice(0, limit);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Every entry, for handing the counts to another thread. */
  list(): CountedEntry<V>[] {
    return [...this.entries.values()];
  }

  /**
   * Adds the entries of another counter (e.g. one kept by a worker thread); `combine` folds an
   * entry's value into the value of the same key. No entry is dropped here, so the result is
   * exact when neither counter dropped any: at most the sum of the counters' capacities stays
   * in memory, and only at the end of an audit. A key one side lacks may have been dropped
   * there, so it takes on that side's `maxDropped` as error.
   */
  merge(entries: readonly CountedEntry<V>[], maxDropped: number, combine: (into: V, from: V) => void): void {
    const seen = new Set<string>();
    for (const other of entries) {
      seen.add(other.key);
      const entry = this.entries.get(other.key);
      if (entry) {
        entry.count += other.count;
        entry.error += other.error;
        combine(entry.value, other.value);
      } else {
        this.entries.set(other.key, { key: other.key, count: other.count, error: other.error + this.maxDropped, value: other.value });
      }
    }
    if (maxDropped > 0) for (const entry of this.entries.values()) if (!seen.has(entry.key)) entry.error += maxDropped;
    this.maxDropped += maxDropped;
  }

  /** The largest error of the entries `top` would list: how far their counts may be low. */
  maxError(limit: number, minCount = 1): number {
    let error = 0;
    for (const entry of this.top(limit, minCount)) if (entry.error > error) error = entry.error;
    return error;
  }

  private prune(): void {
    const counts = [...this.entries.values()].map((entry) => entry.count).sort((a, b) => a - b);
    const median = counts[counts.length >> 1];
    for (const [key, entry] of this.entries) {
      if (entry.count <= median) {
        this.entries.delete(key);
        const most = entry.count + entry.error;
        if (most > this.maxDropped) this.maxDropped = most;
      }
    }
  }
}
