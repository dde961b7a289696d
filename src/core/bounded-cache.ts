/**
 * A memo of a pure function with a size bound: when full, it starts over
 * (cheaper than an LRU, and the keys that matter come back at once). Used for
 * texts, words and keys that questions and passages repeat.
 */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly max: number) {}

  /** The value for `key`, computed by `compute` once while cached. */
  get(key: K, compute: (key: K) => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    const out = compute(key);
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, out);
    return out;
  }

  /** The cached value for `key`, if any (with {@link put}: a lookup without a closure). */
  peek(key: K): V | undefined {
    return this.map.get(key);
  }

  /** Cache `value` for `key` (starting over when full) and return it. */
  put(key: K, value: V): V {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, value);
    return value;
  }

  get size(): number {
    return this.map.size;
  }
}
