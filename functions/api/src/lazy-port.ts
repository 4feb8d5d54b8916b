/**
 * A port every member of which is a required async method: the only kind lazyPort can stand in for, since each call
 * waits for the adapter's module first. The compiler rejects a port with a property, a sync method or an optional
 * method (which a caller might test for: the stand-in has every name).
 */
export type AsyncPort<T> = { [K in keyof T]-?: (...args: never[]) => Promise<unknown> };

/**
 * A port whose adapter module is imported on its first call, not when the API loads: a cold request then evaluates
 * only the adapters it uses (S3 and sharp for uploads, the stores of clubs, reports, the dashboard, ... for theirs;
 * issue 14: the API's cold start). Every member of the port is async (AsyncPort), so each call awaits the adapter and
 * calls it with its own arguments; a failed import is tried again by the next call rather than failing every later
 * request. The stand-in answers any string name but `then` (so awaiting it, or returning it from an async function,
 * does not mistake it for a promise); it lists no keys but those set on it, which answer instead of the adapter's.
 * @example const storage = lazyPort<ObjectStorage>(async () => new (await import('@mekendesh/storage')).S3Storage(client, bucket))
 */
export function lazyPort<T extends AsyncPort<T>>(load: () => Promise<T>): T {
  let adapter: Promise<T> | undefined;
  const get = () =>
    (adapter ??= load().catch((e: unknown) => {
      adapter = undefined;
      throw e;
    }));
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  return new Proxy({} as T, {
    get(target, name) {
      // A member set on the stand-in (a test replacing one method) answers instead of the adapter's.
      if (Object.hasOwn(target, name)) return Reflect.get(target, name) as unknown;
      if (typeof name !== 'string' || name === 'then') return undefined;
      let method = methods.get(name);
      if (!method) {
        method = async (...args) => {
          const target = (await get()) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
          if (typeof target[name] !== 'function') throw new TypeError(`the adapter has no method ${name}`);
          return target[name](...args);
        };
        methods.set(name, method);
      }
      return method;
    },
  });
}
