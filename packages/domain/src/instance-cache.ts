/**
 * A read kept for a while in this function instance, per store object (one per instance): concurrent callers
 * share the read in flight instead of one read each, and a failed read is forgotten so the next call tries again.
 * For what changes rarely and is checked again where it matters (receiving accounts in a pledge's transaction;
 * programmes on discovery's cards).
 * @example const programmes = keptPerInstance<ProgrammeStore, Programme[]>(60_000); await programmes.get(store, () => store.list(50));
 */
export function keptPerInstance<S extends object, T>(ttlMs: number) {
  const kept = new WeakMap<S, { value: Promise<T>; until: number }>();
  return {
    /** The kept value unless `fresh` or older than `ttlMs`; otherwise `read()`, kept from now on. */
    get(store: S, read: () => Promise<T>, fresh = false): Promise<T> {
      const hit = kept.get(store);
      if (!fresh && hit && hit.until > Date.now()) return hit.value;
      const entry = { value: read(), until: Date.now() + ttlMs };
      kept.set(store, entry);
      entry.value.catch(() => {
        if (kept.get(store) === entry) kept.delete(store);
      });
      return entry.value;
    },
    /** Drops the kept value (after a write this instance made), so the next call reads again. */
    forget(store: S): void {
      kept.delete(store);
    },
  };
}
