/**
 * A port whose adapter module is imported on its first call, not when the API loads: S3 (client, presigner, POST
 * policies) and sharp weigh more than most routes need on a cold start (issue 14: load time <= 2x a bare Node start).
 * Only for ports whose every member is an async method; `methods` lists them all (the Record type makes the compiler
 * reject a missing or unknown name when the port changes).
 * @example const storage = lazyPort(async () => new (await import('@mekendesh/storage')).S3Storage(client, bucket), STORAGE_METHODS)
 */
export function lazyPort<T extends object>(load: () => Promise<T>, methods: Record<keyof T, true>): T {
  let adapter: Promise<T> | undefined;
  const get = () =>
    (adapter ??= load().catch((e: unknown) => {
      // A failed import is tried again by the next call rather than failing every later request.
      adapter = undefined;
      throw e;
    }));
  const port: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of Object.keys(methods)) {
    port[name] = async (...args) => {
      const target = (await get()) as Record<string, (...a: unknown[]) => Promise<unknown>>;
      return target[name]!(...args);
    };
  }
  return port as T;
}
