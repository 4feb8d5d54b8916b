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
    const store = lazyPort<Store>(
      async () => {
        loads += 1;
        if (loads === 1) throw new Error('import failed');
        return { get: async (k) => data.get(k) ?? '', put: async (k, v) => void data.set(k, v) };
      },
      { get: true, put: true },
    );
    expect(loads).toBe(0);
    await expect(store.put('a', '1')).rejects.toThrow('import failed');
    await Promise.all([store.put('a', '1'), store.put('b', '2')]);
    expect(await store.get('b')).toBe('2');
    expect(loads).toBe(2);
  });
});
