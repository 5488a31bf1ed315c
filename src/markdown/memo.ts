/**
 * Memoized build-time rendering (highlighted code, typeset formulas) shared by every compile in the
 * process. Both are pure functions of their input, so a dev server recompiling a deck after an edit
 * re-renders only what changed, and a formula written many times is typeset once. Bounded: the
 * oldest entries go first.
 */
class RenderCache {
  private readonly entries = new Map<string, string>();

  constructor(private readonly max: number) {}

  get(key: string): string | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Most recently used last, so eviction takes what has not been asked for longest.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: string): void {
    this.entries.set(key, value);
    if (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

const all: RenderCache[] = [];

export function renderCache(max: number): RenderCache {
  const cache = new RenderCache(max);
  all.push(cache);
  return cache;
}

/** Empties every render cache (the benchmark measures cold compiles with it). */
export function clearRenderCaches(): void {
  for (const cache of all) cache.clear();
}
