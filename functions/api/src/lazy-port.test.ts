import { describe, expect, it } from 'vitest';
import { lazyPort } from './lazy-port.js';

interface Store {
  get(key: string): Promise<string>;
  put(key: string, value: string): Promise<void>;
}

describe('lazyPort', () => {
  it('loads the adapter on the first call only, forwards arguments and answers, and retries a failed load', async () => {
    const data = new Map<string, string>();
    let loads = 0;
    const store = lazyPort<Store>(async () => {
      loads += 1;
      if (loads === 1) throw new Error('import failed');
      return { get: async (k) => data.get(k) ?? '', put: async (k, v) => void data.set(k, v) };
    });
    expect(loads).toBe(0);
    await expect(store.put('a', '1')).rejects.toThrow('import failed');
    await Promise.all([store.put('a', '1'), store.put('b', '2')]);
    expect(await store.get('b')).toBe('2');
    expect(loads).toBe(2);
  });

  it('is not mistaken for a promise, lists no keys and keeps each method the same function', async () => {
    let loads = 0;
    const store = lazyPort<Store>(async () => {
      loads += 1;
      return { get: async (k) => `value of ${k}`, put: async () => undefined };
    });
    // An async function returning the stand-in must not await it as a thenable (which would load the adapter).
    const returned = await (async () => store)();
    expect(returned).toBe(store);
    expect(loads).toBe(0);
    expect(Object.keys(store)).toEqual([]);
    expect(store.get).toBe(store.get);
    expect(await returned.get('k')).toBe('value of k');
  });

  it('lets a member set on it answer instead of the adapter’s, and puts the adapter’s back when set again', async () => {
    const store = lazyPort<Store>(async () => ({ get: async (k) => `value of ${k}`, put: async () => undefined }));
    const real = store.get;
    store.get = async () => 'replaced';
    expect(await store.get('k')).toBe('replaced');
    store.get = real;
    expect(await store.get('k')).toBe('value of k');
  });

  it('rejects, at compile time, a port with a sync method or a property', () => {
    interface Mixed {
      get(key: string): Promise<string>;
      size(): number;
    }
    // @ts-expect-error -- size() is not async: a stand-in could not answer it without the adapter.
    const mixed = lazyPort<Mixed>(async () => ({ get: async () => '', size: () => 0 }));
    expect(typeof mixed.get).toBe('function');
  });
});
