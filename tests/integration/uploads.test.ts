import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import sharp from 'sharp';
import type { Project } from '@mekendesh/contracts';
import { authStack, newUserInGroup, signInToken, type AuthStack } from '../fixtures/auth-stack.js';
import { approvedOfficer, draftBody, fieldsOf, send } from '../fixtures/proposals.js';

let s: AuthStack;
let officer: string;
let other: string;
let project: Project;

beforeAll(async () => {
  s = await authStack();
  const staff = await signInToken(s.app, await newUserInGroup('staff'));
  const [x, y] = await Promise.all([approvedOfficer(s.app, staff, 'photos'), approvedOfficer(s.app, staff, 'nosy')]);
  officer = x.token;
  other = y.token;
  project = (await send(s.app, 'POST', '/projects', { token: officer, body: draftBody() })).body;
}, 120_000);
afterAll(() => s.drop());

async function photo(width: number, format: 'jpeg' | 'png' = 'jpeg'): Promise<Uint8Array<ArrayBuffer>> {
  const image = sharp({ create: { width, height: Math.round(width * 0.75), channels: 3, background: '#3a6ea5' } });
  return new Uint8Array(await (format === 'jpeg' ? image.jpeg() : image.png()).toBuffer());
}

async function ticket(contentType: string, size: number, token = officer) {
  return send(s.app, 'POST', `/projects/${project.id}/uploads`, { token, body: { contentType, size } });
}

async function putFile(t: { url: string; headers: Record<string, string> }, body: Uint8Array<ArrayBuffer>, contentType?: string) {
  const headers = contentType ? { ...t.headers, 'content-type': contentType } : t.headers;
  return fetch(t.url, { method: 'PUT', headers, body });
}

const complete = (key: string, body: unknown = {}, token = officer, headers: Record<string, string> = {}) =>
  send(s.app, 'POST', `/projects/${project.id}/uploads/${key}/complete`, { token, body, headers });

/** Every object key in the run's s3rver bucket under `prefix` (s3rver checks no signature, so a plain GET lists). */
async function bucketKeys(prefix: string): Promise<string[]> {
  const { endpoint, bucket } = inject('s3');
  const xml = await (await fetch(`${endpoint}/${bucket}?list-type=2&prefix=${encodeURIComponent(prefix)}`)).text();
  return [...xml.matchAll(/<Key>([^<]+)<\/Key>/g)].map((m) => m[1]!).sort();
}
/** Objects of one upload key, wherever they are: where it was PUT and where it would be served. */
const objectsOf = async (key: string) => (await bucketKeys('')).filter((k) => k.includes(key.split('.')[0]!));

/** The bytes of a served file, fetched as a visitor's browser would (following the API's redirect). */
async function served(url: string): Promise<{ type: string | null; bytes: Uint8Array<ArrayBuffer> }> {
  const redirect = await s.app.request(url, { headers: { authorization: `Bearer ${officer}` } });
  expect(redirect.status).toBe(302);
  const res = await fetch(redirect.headers.get('location')!);
  expect(res.status).toBe(200);
  return { type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** Tags in the GPS directory of a JPEG/PNG/WebP EXIF block (TIFF layout: IFD0 holds the GPS IFD's offset in tag 0x8825). */
function gpsTags(exif: Buffer | undefined): number[] {
  if (!exif) return [];
  const header = exif.indexOf('Exif\0\0', 0, 'latin1');
  const tiff = header < 0 ? 0 : header + 6; // PNG's eXIf chunk holds the TIFF block alone
  const le = exif.toString('latin1', tiff, tiff + 2) === 'II';
  const u16 = (o: number) => (le ? exif.readUInt16LE(tiff + o) : exif.readUInt16BE(tiff + o));
  const u32 = (o: number) => (le ? exif.readUInt32LE(tiff + o) : exif.readUInt32BE(tiff + o));
  const entries = (ifd: number) =>
    Array.from({ length: u16(ifd) }, (_, i) => ({ tag: u16(ifd + 2 + i * 12), value: u32(ifd + 10 + i * 12) }));
  const gps = entries(u32(4)).find((e) => e.tag === 0x8825);
  return gps ? entries(gps.value).map((e) => e.tag) : [];
}

/** A photo as a phone saves it: turned by its EXIF orientation (6: rotate 90°), with GPS coordinates, XMP and a Display P3 profile. */
async function phonePhoto(format: 'jpeg' | 'png' | 'webp'): Promise<Uint8Array<ArrayBuffer>> {
  const image = sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#7a4' } })
    .withIccProfile('p3')
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '42/1 52/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '74/1 36/1 5678/100' },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="Phone Camera"/></rdf:RDF></x:xmpmeta>',
    );
  return new Uint8Array(await image.toFormat(format).toBuffer());
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A valid-looking PNG of a few dozen bytes whose IHDR declares `width` x `height` RGB pixels (CRCs right; the pixel data is a stub). */
function pngDeclaring(width: number, height: number): Uint8Array<ArrayBuffer> {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.alloc(64))), pngChunk('IEND', Buffer.alloc(0))]),
  );
}

/** Uploads `bytes` as `contentType` and completes it; answers the completion. */
async function uploadAndComplete(bytes: Uint8Array<ArrayBuffer>, contentType: string, headers: Record<string, string> = {}) {
  const t = await ticket(contentType, bytes.length);
  expect(t.status, JSON.stringify(t.body)).toBe(201);
  expect((await putFile(t.body, bytes)).status).toBe(200);
  return { key: t.body.key as string, ticket: t.body, done: await complete(t.body.key, {}, officer, headers) };
}

const versionNow = async () => (await send(s.app, 'GET', `/projects/${project.id}`, { token: officer })).body.version as number;

describe('uploads', () => {
  it('takes a photo through a presigned PUT, checks it, makes phone-sized copies and sets it as the cover', async () => {
    const jpeg = await photo(1600);
    const t = await ticket('image/jpeg', jpeg.length);
    expect(t.status).toBe(201);
    expect(t.body).toMatchObject({
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg' },
      maxSize: 5 * 1024 * 1024,
      key: expect.stringMatching(/\.jpg$/),
    });
    expect((await putFile(t.body, jpeg)).status).toBe(200);

    const done = await complete(t.body.key, { fileName: 'mektep.jpg' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const attached = (done.body as Project).attachments!.find((a) => a.key === t.body.key)!;
    expect(attached).toMatchObject({ kind: 'photo', contentType: 'image/jpeg', fileName: 'mektep.jpg' });
    // The size is the served (re-encoded) file's, not the upload's.
    expect(attached.size).toBe((await served(attached.url)).bytes.length);
    expect(attached.variants.map((v) => v.width)).toEqual([320, 640, 1280]);
    expect(done.body).toMatchObject({ coverPhoto: t.body.key, coverUrl: attached.url, version: 2 });
    // Completing again changes nothing.
    expect((await complete(t.body.key)).body.version).toBe(2);

    const media = await s.app.request(`${attached.url}?w=600`, { headers: { authorization: `Bearer ${officer}` } });
    expect(media.status).toBe(302);
    const resized = await fetch(media.headers.get('location')!);
    expect(resized.status).toBe(200);
    const meta = await sharp(new Uint8Array(await resized.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 640 });
    // The project is a draft: its photos are not for visitors yet.
    expect((await s.app.request(attached.url)).status).toBe(404);
  });

  it('attaches a PDF as a document, serving the bytes it checked from a key the upload URL cannot reach', async () => {
    const pdf = new Uint8Array(new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'));
    const t = await ticket('application/pdf', pdf.length);
    await putFile(t.body, pdf);
    const done = await complete(t.body.key);
    const attached = (done.body as Project).attachments!.find((a) => a.key === t.body.key)!;
    expect(attached).toMatchObject({ kind: 'document', variants: [], size: pdf.length });
    expect(await objectsOf(t.body.key)).toEqual([`projects/${project.id}/${t.body.key}`]);
    // The PUT URL still works for a while: what is sent with it now is never served, and completing again removes it.
    const html = new Uint8Array(new TextEncoder().encode('<html><script>alert(1)</script></html>'));
    expect((await putFile(t.body, html, 'application/pdf')).status).toBe(200);
    const now = await served(attached.url);
    expect(now.type).toBe('application/pdf');
    expect(Buffer.from(now.bytes).equals(Buffer.from(pdf))).toBe(true);
    expect((await complete(t.body.key)).status).toBe(200);
    expect(await objectsOf(t.body.key)).toEqual([`projects/${project.id}/${t.body.key}`]);
  });

  it.each(['jpeg', 'png', 'webp'] as const)(
    'serves a %s phone photo only re-encoded: upright, and neither the original nor a copy has EXIF, GPS, XMP or ICC; the upload is not kept',
    async (format) => {
      const upload = await phonePhoto(format);
      const before = await sharp(upload).metadata();
      // The upload really carries what must not be served.
      expect(gpsTags(before.exif)).toEqual(expect.arrayContaining([1, 2, 3, 4]));
      expect(before).toMatchObject({ orientation: 6, width: 1600, height: 1200 });
      expect(before.xmp).toBeDefined();
      expect(before.icc).toBeDefined();

      const { key, done } = await uploadAndComplete(upload, `image/${format}`);
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      const attached = (done.body as Project).attachments!.find((a) => a.key === key)!;
      expect(attached.variants.map((v) => v.width)).toEqual([320, 640, 1200]);

      const original = await served(attached.url);
      expect(original.type).toBe(`image/${format}`);
      expect(Buffer.from(original.bytes).equals(Buffer.from(upload))).toBe(false);
      const copies = await Promise.all([320, 640, 1280].map((w) => served(`${attached.url}?w=${w}`)));
      for (const file of [original, ...copies]) {
        const meta = await sharp(file.bytes).metadata();
        expect({ exif: meta.exif, xmp: meta.xmp, icc: meta.icc, orientation: meta.orientation, comments: meta.comments }).toEqual({
          exif: undefined,
          xmp: undefined,
          icc: undefined,
          orientation: undefined,
          comments: undefined,
        });
        expect(Buffer.from(file.bytes).includes('PhoneMaker')).toBe(false);
        expect(meta.height! > meta.width!, 'turned upright by the EXIF orientation').toBe(true);
      }
      expect(copies.map((c) => c.type)).toEqual(['image/webp', 'image/webp', 'image/webp']);
      expect(await sharp(original.bytes).metadata()).toMatchObject({ format, width: 1200, height: 1600 });
      // Only the checked copies are stored: nothing under the key the upload was PUT to.
      const stem = key.split('.')[0];
      expect(await objectsOf(key)).toEqual(
        [key, `${stem}-w1200.webp`, `${stem}-w320.webp`, `${stem}-w640.webp`].map((name) => `media/projects/${project.id}/${name}`).sort(),
      );
    },
  );

  const BOMB_MESSAGE = {
    ky: /20000×20000 пиксель; 40 мегапикселден/,
    ru: /20000×20000 пикселей; принимаются фото не больше 40 мегапикселей/,
    en: /20000×20000 pixels; photos of at most 40 megapixels and 10000 pixels on either side are accepted/,
  };
  const TITLES = { ky: 'Суроодо туура эмес талаалар бар', ru: 'В запросе неверные поля', en: 'The request has invalid fields' };

  it.each(['ky', 'ru', 'en'] as const)(
    'refuses a tiny PNG declaring 20000x20000 pixels before decoding it, naming the file in %s, and keeps nothing of it',
    async (lang) => {
      const bomb = pngDeclaring(20_000, 20_000);
      expect(bomb.length).toBeLessThan(100);
      const version = await versionNow();
      const { key, done } = await uploadAndComplete(bomb, 'image/png', { 'accept-language': lang });
      expect(done.status).toBe(400);
      expect(done.headers.get('content-type')).toBe('application/problem+json');
      expect(fieldsOf(done.body)).toEqual(['file']);
      expect(done.body.title).toBe(TITLES[lang]);
      expect(done.body.errors[0].message).toMatch(BOMB_MESSAGE[lang]);
      expect(done.body.detail).toMatch(BOMB_MESSAGE[lang]);
      expect(await objectsOf(key)).toEqual([]);
      expect(await versionNow()).toBe(version);
      expect(fieldsOf((await complete(key)).body)).toEqual(['key']);
    },
  );

  it.each([
    ['a side longer than 10000 pixels (12000x100, only 1.2 megapixels)', () => pngDeclaring(12_000, 100), 'image/png', /12000×100 pixels/],
    ['just over 40 megapixels (8000x5001)', () => pngDeclaring(8_000, 5_001), 'image/png', /8000×5001 pixels/],
    ['a header whose pixel data is damaged', () => pngDeclaring(200, 100), 'image/png', /pixels cannot be read/],
    [
      'a JPEG signature followed by no image',
      () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(60).fill(7)]),
      'image/jpeg',
      /cannot be read/,
    ],
  ])('refuses %s with a 400 naming the file, and keeps nothing of it', async (_name, make, contentType, message) => {
    const version = await versionNow();
    const { key, done } = await uploadAndComplete(make(), contentType);
    expect(done.status).toBe(400);
    expect(done.headers.get('content-type')).toBe('application/problem+json');
    expect(fieldsOf(done.body)).toEqual(['file']);
    expect(done.body.errors[0].message).toMatch(message);
    expect(await objectsOf(key)).toEqual([]);
    expect(await versionNow()).toBe(version);
  });

  it('takes a photo of exactly 40 megapixels (10000x4000)', async () => {
    const big = new Uint8Array(
      await sharp({ create: { width: 10_000, height: 4_000, channels: 3, background: '#123' } })
        .png({ compressionLevel: 9 })
        .toBuffer(),
    );
    const { key, done } = await uploadAndComplete(big, 'image/png');
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect((done.body as Project).attachments!.find((a) => a.key === key)!.variants.map((v) => v.width)).toEqual([320, 640, 1280]);
  }, 60_000);

  it.each([
    ['a type outside the allowlist', 'image/gif', 1000, ['contentType']],
    ['an SVG (script can hide in it)', 'image/svg+xml', 1000, ['contentType']],
    ['an oversize photo', 'image/jpeg', 5 * 1024 * 1024 + 1, ['size']],
    ['an oversize PDF', 'application/pdf', 10 * 1024 * 1024 + 1, ['size']],
  ])('refuses %s before giving a URL', async (_name, contentType, size, fields) => {
    const res = await ticket(contentType, size);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(fieldsOf(res.body)).toEqual(fields);
  });

  it('refuses a file bigger than its type allows even when the request lied about its size, and deletes it', async () => {
    const t = await ticket('image/jpeg', 1000);
    const big = new Uint8Array(5 * 1024 * 1024 + 10);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    await putFile(t.body, big);
    const res = await complete(t.body.key);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['size']);
    expect(fieldsOf((await complete(t.body.key)).body)).toEqual(['key']);
    expect(await objectsOf(t.body.key)).toEqual([]);
  });

  it('refuses content that is not what its name says (magic bytes), and a type sent other than signed', async () => {
    const html = new Uint8Array(new TextEncoder().encode('<html><script>alert(1)</script></html>'));
    const t = await ticket('image/png', html.length);
    await putFile(t.body, html);
    const res = await complete(t.body.key, {}, officer, { 'accept-language': 'ru' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['file']);
    expect(res.body.errors[0].message).toBe('Это не фото (внутри другой формат, например PDF). Выберите JPEG, PNG или WebP.');
    expect(await objectsOf(t.body.key)).toEqual([]);

    const png = await photo(100, 'png');
    const t2 = await ticket('image/png', png.length);
    await putFile(t2.body, png, 'text/html');
    expect(fieldsOf((await complete(t2.body.key)).body)).toEqual(['contentType']);
    expect(await objectsOf(t2.body.key)).toEqual([]);
  });

  it('refuses completing a key nothing was uploaded under', async () => {
    const res = await complete('01jzzzzzzzzzzzzzzzzzzzzzzz.png');
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['key']);
  });

  it('keeps other organisations out', async () => {
    expect((await ticket('image/jpeg', 1000, other)).status).toBe(404);
    expect((await complete('01jzzzzzzzzzzzzzzzzzzzzzzz.png', {}, other)).status).toBe(404);
  });
});
