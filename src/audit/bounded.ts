// Fixed-size collections for the audit: a heap of the N worst items and a counter of frequent keys.

/**
 * Keeps the `capacity` items that rank lowest by `compare` (negative: `a` ranks before `b`).
 * A max-heap on rank, so the best of the kept items is dropped first.
 */
export class BoundedHeap<T> {
  private readonly items: T[] = [];

  constructor(
    readonly capacity: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  /** True when `item` would be kept; lets callers skip building items that would be dropped. */
  accepts(item: T): boolean {
    return this.items.length < this.capacity || (this.capacity > 0 && this.compare(item, this.items[0]) < 0);
  }

  /** Offers an item; keeps it when it ranks among the first `capacity`. */
  push(item: T): void {
    if (this.items.length < this.capacity) {
      this.items.push(item);
      this.siftUp(this.items.length - 1);
    } else if (this.accepts(item)) {
      this.items[0] = item;
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

  private siftUp(index: number): void {
    const { items } = this;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.compare(items[index], items[parent]) <= 0) return;
      [items[index], items[parent]] = [items[parent], items[index]];
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
      [items[index], items[largest]] = [items[largest], items[index]];
      index = largest;
    }
  }
}

/** An entry of a `FrequentCounter`. */
export interface CountedEntry<V> {
  key: string;
  count: number;
  value: V;
}

/**
 * Counts occurrences of keys with at most `capacity` keys in memory. When full, the less
 * frequent half is dropped and the highest dropped count is remembered: any key counted
 * since may be undercounted by at most `maxDropped`, so results above it are trustworthy.
 */
export class FrequentCounter<V> {
  private readonly entries = new Map<string, CountedEntry<V>>();
  /** Highest count of an entry dropped so far: the error bound of every count. */
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
      entry = { key, count: 0, value: this.create(key) };
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
   * in memory, and only at the end of an audit. The error bound becomes the sum of both bounds.
   */
  merge(entries: readonly CountedEntry<V>[], maxDropped: number, combine: (into: V, from: V) => void): void {
    for (const other of entries) {
      const entry = this.entries.get(other.key);
      if (entry) {
        entry.count += other.count;
        combine(entry.value, other.value);
      } else {
        this.entries.set(other.key, { key: other.key, count: other.count, value: other.value });
      }
    }
    this.maxDropped += maxDropped;
  }

  private prune(): void {
    const counts = [...this.entries.values()].map((entry) => entry.count).sort((a, b) => a - b);
    const median = counts[counts.length >> 1];
    for (const [key, entry] of this.entries) {
      if (entry.count <= median) {
        this.entries.delete(key);
        if (entry.count > this.maxDropped) this.maxDropped = entry.count;
      }
    }
  }
}
