import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { checkImageHeader, FORM_PHOTO_TYPE, takeUpload } from './image-intake.js';
import type { ImageProcessor, ObjectStorage } from './project-ports.js';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('not refused');
};

/** An object store in a Map: enough to see what a use case leaves behind. */
function memoryStorage(objects: Record<string, { body: Uint8Array; contentType: string }> = {}): ObjectStorage & { keys(): string[] } {
  const store = new Map(Object.entries(objects));
  return {
    keys: () => [...store.keys()].sort(),
    presignPut: async () => ({ url: 'http://unused', headers: {} }),
    presignGet: async () => 'http://unused',
    presignPost: async () => ({ url: 'http://unused', fields: {} }),
    head: async (key) => (store.has(key) ? { size: store.get(key)!.body.length, contentType: store.get(key)!.contentType } : undefined),
    readStart: async (key, length) => store.get(key)!.body.subarray(0, length),
    read: async (key) => store.get(key)?.body,
    put: async ({ key, body, contentType }) => void store.set(key, { body, contentType }),
    delete: async (key) => void store.delete(key),
  };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const fakeImages = (header: Awaited<ReturnType<ImageProcessor['readHeader']>>): ImageProcessor & { reencoded: number } => {
  const images = {
    reencoded: 0,
    readHeader: async () => header,
    reencode: async () => {
      images.reencoded++;
      return { original: { body: new Uint8Array([1, 2, 3]), width: 30, height: 20 }, copies: [{ body: new Uint8Array([4]), width: 30 }] };
    },
  };
  return images;
};
const input = { uploadedKey: 'incoming/p/a.png', servedKey: (name: string) => `p/${name}`, name: 'a.png', type: 'image/png' as const };
const uploaded = () =>
  memoryStorage({ 'incoming/p/a.png': { body: new Uint8Array([...PNG_SIGNATURE, 0, 0, 0, 13]), contentType: 'image/png' } });

describe('checkImageHeader', () => {
  it('takes up to 40 megapixels and 10000 pixels a side, whichever way round', () => {
    expect(() => checkImageHeader({ format: 'jpeg', width: 10_000, height: 4_000 }, 'jpeg')).not.toThrow();
    expect(() => checkImageHeader({ format: 'png', width: 4_000, height: 10_000 }, 'png')).not.toThrow();
    expect(() => checkImageHeader({ format: 'webp', width: 1, height: 1 }, 'webp')).not.toThrow();
  });

  it.each([
    ['20000x20000', 20_000, 20_000],
    ['a side over 10000 (10001x10)', 10_001, 10],
    ['a tall side over 10000 (10x10001)', 10, 10_001],
    ['just over 40 megapixels (8000x5001)', 8_000, 5_001],
  ])('refuses %s on `file`, in three languages', (_name, width, height) => {
    const e = refusal(() => checkImageHeader({ format: 'png', width, height }, 'png'));
    expect(e.kind).toBe('validation');
    expect(e.errors.map((f) => f.field)).toEqual(['file']);
    expect(e.errors[0]!.messages).toMatchObject({
      ky: expect.stringContaining(`${width}×${height} пиксель`),
      ru: expect.stringContaining(`${width}×${height} пикселей`),
      en: expect.stringContaining(`${width}×${height} pixels`),
    });
  });

  it.each([
    ['an unreadable header', 'unreadable' as const],
    ['another format than the name says', { format: 'gif', width: 10, height: 10 }],
    ['no size', { format: 'png', width: 0, height: 0 }],
  ])('refuses %s as unreadable', (_name, header) => {
    const e = refusal(() => checkImageHeader(header, 'png'));
    expect(e.errors[0]).toMatchObject({ field: 'file', message: expect.stringMatching(/cannot be read/) });
  });
});

describe('takeUpload', () => {
  it('refuses an oversized header before decoding anything, and keeps nothing of the upload', async () => {
    const storage = uploaded();
    const images = fakeImages({ format: 'png', width: 20_000, height: 20_000 });
    await expect(takeUpload({ storage, images }, input)).rejects.toMatchObject({ kind: 'validation', errors: [{ field: 'file' }] });
    expect(images.reencoded).toBe(0);
    expect(storage.keys()).toEqual([]);
  });

  it('takes no photo without an image library (409 in three languages), and keeps nothing of the upload', async () => {
    for (const images of [undefined, fakeImages('unavailable')]) {
      const storage = uploaded();
      const e = await takeUpload({ storage, images }, input).catch((x: DomainError) => x);
      expect(e).toMatchObject({
        kind: 'conflict',
        messages: { ky: expect.any(String), ru: expect.any(String), en: expect.stringMatching(/never served unprocessed/) },
      });
      expect(storage.keys()).toEqual([]);
    }
  });

  it('serves only what the image library re-encoded, under the served keys, and deletes the upload', async () => {
    const storage = uploaded();
    const taken = await takeUpload({ storage, images: fakeImages({ format: 'png', width: 30, height: 20 }) }, input);
    expect(taken).toEqual({
      type: 'image/png',
      name: 'a.png',
      size: 3,
      variants: [{ width: 30, key: 'a-w30.webp' }],
      servedKeys: ['p/a.png', 'p/a-w30.webp'],
    });
    expect(storage.keys()).toEqual(['p/a-w30.webp', 'p/a.png']);
    expect([...(await storage.read('p/a.png'))!]).toEqual([1, 2, 3]);
  });

  it("takes a browser form's photo (stored as image/*, named .jpg) as what its bytes are, named for it", async () => {
    const storage = memoryStorage({
      'incoming/p/f.jpg': { body: new Uint8Array([...PNG_SIGNATURE, 0, 0, 0, 13]), contentType: FORM_PHOTO_TYPE },
    });
    const form = { uploadedKey: 'incoming/p/f.jpg', servedKey: (name: string) => `p/${name}`, name: 'f.jpg', type: 'image/jpeg' as const };
    const taken = await takeUpload({ storage, images: fakeImages({ format: 'png', width: 30, height: 20 }) }, form);
    expect(taken).toMatchObject({ type: 'image/png', name: 'f.png', servedKeys: ['p/f.png', 'p/f-w30.webp'] });
    expect(storage.keys()).toEqual(['p/f-w30.webp', 'p/f.png']);
  });

  it("refuses a form's upload that is no photo, and a PUT's photo whose bytes differ from its signed type", async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4');
    const form = { uploadedKey: 'incoming/p/f.jpg', servedKey: (name: string) => `p/${name}`, name: 'f.jpg', type: 'image/jpeg' as const };
    const formStorage = memoryStorage({ 'incoming/p/f.jpg': { body: pdf, contentType: FORM_PHOTO_TYPE } });
    await expect(takeUpload({ storage: formStorage, images: fakeImages('unreadable') }, form)).rejects.toMatchObject({
      errors: [{ field: 'file' }],
    });
    const putStorage = memoryStorage({ 'incoming/p/f.jpg': { body: new Uint8Array(PNG_SIGNATURE), contentType: 'image/jpeg' } });
    await expect(takeUpload({ storage: putStorage, images: fakeImages('unreadable') }, form)).rejects.toMatchObject({
      errors: [{ field: 'file' }],
    });
    expect([formStorage.keys(), putStorage.keys()]).toEqual([[], []]);
  });

  it('removes what it served when a write fails half way', async () => {
    const storage = uploaded();
    const put = storage.put;
    storage.put = async (o) => (o.key.endsWith('.webp') ? Promise.reject(new Error('S3 down')) : put(o));
    await expect(takeUpload({ storage, images: fakeImages({ format: 'png', width: 30, height: 20 }) }, input)).rejects.toThrow('S3 down');
    expect(storage.keys()).toEqual([]);
  });
});
