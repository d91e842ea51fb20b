/**
 * A small in-process cache for public catalogue answers (search pages, product pages): the same
 * popular searches arrive again and again, and a listing change may take up to the time to live
 * to show on other app processes (this process clears it at once on its own listing writes).
 */
export class TtlCache {
  private readonly map = new Map<string, { at: number; value: Promise<unknown> }>();
  constructor(private readonly ttlMs: number, private readonly max: number) {}

  get<V>(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.map.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value as Promise<V>;
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value!);
    // Concurrent misses share one load; a failed load is not kept.
    const value = load();
    this.map.set(key, { at: now, value });
    value.catch(() => this.map.delete(key));
    return value;
  }

  /** A fresh value already kept, without loading. */
  async peek<V>(key: string): Promise<V | undefined> {
    const hit = this.map.get(key);
    return hit && Date.now() - hit.at < this.ttlMs ? ((await hit.value) as V) : undefined;
  }

  put<V>(key: string, value: V): void {
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, { at: Date.now(), value: Promise.resolve(value) });
  }

  clear(): void {
    this.map.clear();
  }
}

export const CATALOGUE_CACHE_SECONDS = 30;
export const catalogueCache = new TtlCache(CATALOGUE_CACHE_SECONDS * 1000, 2000);
