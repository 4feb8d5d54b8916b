import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import type { ImageProcessor, ObjectStorage } from './project-ports.js';
import { awaitUploadCheck, checkedKey, recordUploadCheck } from './upload-checks.js';
import { checkUploadedObject, projectUpload } from './uploads.js';

type Stored = { body: Uint8Array; contentType: string };

/** An object store in a Map (only what the checks use), counting writes to see that a second delivery writes nothing. */
function memoryStorage(objects: Record<string, Stored> = {}) {
  const store = new Map(Object.entries(objects));
  const storage = {
    puts: 0,
    keys: () => [...store.keys()].sort(),
    text: (key: string) => new TextDecoder().decode(store.get(key)!.body),
    head: async (key: string) =>
      store.has(key) ? { size: store.get(key)!.body.length, contentType: store.get(key)!.contentType } : undefined,
    read: async (key: string) => store.get(key)?.body,
    put: async ({ key, body, contentType }: { key: string; body: Uint8Array; contentType: string }) => {
      storage.puts++;
      store.set(key, { body, contentType });
    },
    delete: async (key: string) => void store.delete(key),
  };
  return storage as typeof storage & ObjectStorage;
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const images = (header: Awaited<ReturnType<ImageProcessor['readHeader']>>): ImageProcessor & { reencoded: number } => {
  const fake = {
    reencoded: 0,
    readHeader: async () => header,
    reencode: async () => {
      fake.reencoded++;
      return {
        original: { body: new Uint8Array([1, 2, 3, 4]), width: 640, height: 480 },
        copies: [{ body: new Uint8Array([5]), width: 480 }],
      };
    },
  };
  return fake;
};

const upload = projectUpload('p1', '01abc.png')!;
const uploaded = (body: Uint8Array = PNG) => memoryStorage({ 'incoming/projects/p1/01abc.png': { body, contentType: 'image/png' } });
const refusedOn = async (run: () => Promise<unknown>) => {
  try {
    await run();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('not refused');
};

describe('recordUploadCheck (the image function)', () => {
  it('serves the clean photo and its copy, writes the marker, deletes the upload; a second delivery changes nothing', async () => {
    const storage = uploaded();
    const processor = images({ format: 'png', width: 640, height: 480 });
    expect(await recordUploadCheck({ storage, images: processor }, upload)).toBe('taken');
    expect(storage.keys()).toEqual([
      'checked/projects/p1/01abc.png.json',
      'media/projects/p1/01abc-w480.webp',
      'media/projects/p1/01abc.png',
    ]);
    expect(JSON.parse(storage.text(checkedKey(upload.uploadedKey)))).toEqual({
      size: 4,
      variants: [{ width: 480, key: '01abc-w480.webp' }],
      contentType: 'image/png',
    });
    const writes = storage.puts;
    expect(await checkUploadedObject({ storage, images: processor }, 'incoming/projects/p1/01abc.png')).toBe('already checked');
    expect([storage.puts, processor.reencoded]).toEqual([writes, 1]);
  });

  it('writes no marker when the upload is gone unchecked (a delivery at once with one that took and deleted it)', async () => {
    const storage = memoryStorage();
    expect(await recordUploadCheck({ storage, images: images({ format: 'png', width: 640, height: 480 }) }, upload)).toBe(
      'nothing uploaded',
    );
    expect([storage.keys(), storage.puts]).toEqual([[], 0]);
  });

  it('deletes a later PUT to a checked key unprocessed (its URL may still be valid)', async () => {
    const storage = uploaded();
    const processor = images({ format: 'png', width: 640, height: 480 });
    await recordUploadCheck({ storage, images: processor }, upload);
    await storage.put({ key: upload.uploadedKey, body: PNG, contentType: 'image/png' });
    expect(await recordUploadCheck({ storage, images: processor }, upload)).toBe('already checked');
    expect(storage.keys()).not.toContain(upload.uploadedKey);
    expect(processor.reencoded).toBe(1);
  });

  it('records a refusal naming the field in three languages, and serves nothing', async () => {
    const storage = uploaded(new Uint8Array([0xff, 0xd8, 0xff, 0, 1, 2]));
    expect(await recordUploadCheck({ storage, images: images('unreadable') }, upload)).toBe('refused');
    expect(storage.keys()).toEqual(['checked/projects/p1/01abc.png.json']);
    const marker = JSON.parse(storage.text('checked/projects/p1/01abc.png.json'));
    expect(marker.refused.field).toBe('file');
    expect(marker.refused.messages.en).toBe("The file's content does not match its type.");
    expect(marker.refused.messages.ky).toMatch(/мазмуну/);
  });

  it('fails (Lambda retries) and records nothing where no image library loads', async () => {
    const storage = uploaded();
    const e = await refusedOn(() => recordUploadCheck({ storage, images: images('unavailable') }, upload));
    expect(e.kind).toBe('conflict');
    expect(storage.keys()).toEqual(['incoming/projects/p1/01abc.png']);
  });

  it('leaves keys of any other shape alone', async () => {
    const storage = memoryStorage({ 'incoming/elsewhere/x.png': { body: PNG, contentType: 'image/png' } });
    expect(await checkUploadedObject({ storage }, 'incoming/elsewhere/x.png')).toBe('not an upload');
    expect(await checkUploadedObject({ storage }, 'incoming/projects/p1/../x.png')).toBe('not an upload');
    expect(storage.keys()).toEqual(['incoming/elsewhere/x.png']);
  });
});

describe('awaitUploadCheck (completing in the cloud)', () => {
  it('takes what the marker says, with every served key', async () => {
    const storage = uploaded();
    await recordUploadCheck({ storage, images: images({ format: 'png', width: 640, height: 480 }) }, upload);
    expect(await awaitUploadCheck(storage, upload, [1])).toEqual({
      type: 'image/png',
      name: '01abc.png',
      size: 4,
      variants: [{ width: 480, key: '01abc-w480.webp' }],
      servedKeys: ['media/projects/p1/01abc.png', 'media/projects/p1/01abc-w480.webp'],
    });
  });

  it('answers the recorded refusal as the same 400 on its field', async () => {
    const storage = uploaded(new Uint8Array([1, 2, 3]));
    await recordUploadCheck({ storage, images: images('unreadable') }, upload);
    const e = await refusedOn(() => awaitUploadCheck(storage, upload, [1]));
    expect([e.kind, e.errors[0]?.field, e.errors[0]?.messages?.ru]).toEqual([
      'validation',
      'file',
      'Это не фото (внутри другой формат, например PDF). Выберите JPEG, PNG или WebP.',
    ]);
  });

  it('waits while the upload is unchecked, then answers 409 in three languages', async () => {
    const storage = uploaded();
    const started = Date.now();
    const e = await refusedOn(() => awaitUploadCheck(storage, upload, [20, 20, 20]));
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect([e.kind, e.messages?.en]).toEqual(['conflict', 'The file is still being processed. Try again in a moment.']);
  });

  it('answers 400 on key when nothing was uploaded, without waiting', async () => {
    const e = await refusedOn(() => awaitUploadCheck(memoryStorage(), upload, [5_000]));
    expect([e.kind, e.errors[0]?.field]).toEqual(['validation', 'key']);
  });
});
