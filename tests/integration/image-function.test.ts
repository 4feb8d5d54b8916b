import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Project } from '@mekendesh/contracts';
import { sharpImages, createS3Client, S3Storage } from '@mekendesh/storage';
import { checkUploads } from '@mekendesh/images-function/handler';
import { authStack, newUserInGroup, signInToken, type AuthStack } from '../fixtures/auth-stack.js';
import { approvedOfficer, draftBody, send } from '../fixtures/proposals.js';

// The image function (functions/images) on S3 events against the run's s3rver, and the API composed as in the cloud
// (IMAGE_PIPELINE=function): completing reads the function's marker instead of taking the upload itself.

const { endpoint, bucket } = inject('s3');
const storage = new S3Storage(createS3Client({ bucket, endpoint, region: 'local' }), bucket);
const deps = { storage, images: sharpImages() };
type S3Event = Parameters<typeof checkUploads>[1];

/** The event S3 sends for one object created (key URL-encoded, as S3 does). */
const created = (...keys: string[]): S3Event =>
  ({
    Records: keys.map((key) => ({
      eventName: 'ObjectCreated:Put',
      s3: { bucket: { name: bucket }, object: { key: encodeURIComponent(key).replace(/%2F/g, '/'), size: 1 } },
    })),
  }) as unknown as S3Event;

/** Every object key in the bucket under `prefix` (s3rver checks no signature, so a plain GET lists). */
async function bucketKeys(prefix: string): Promise<string[]> {
  const xml = await (await fetch(`${endpoint}/${bucket}?list-type=2&prefix=${encodeURIComponent(prefix)}`)).text();
  return [...xml.matchAll(/<Key>([^<]+)<\/Key>/g)].map((m) => m[1]!).sort();
}
const text = async (key: string) => new TextDecoder().decode(await storage.read(key));
const photo = async (width: number) =>
  new Uint8Array(
    await sharp({ create: { width, height: (width * 3) / 4, channels: 3, background: '#3a6ea5' } })
      .jpeg()
      .toBuffer(),
  );
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('the image function on S3 events', () => {
  const project = `p${Date.now().toString(36)}`;
  const at = (name: string) => `incoming/projects/${project}/${name}`;

  it('serves a photo clean with its WebP copies, leaves the marker and deletes the upload', async () => {
    await storage.put({ key: at('01photo.jpg'), body: await photo(1600), contentType: 'image/jpeg' });
    expect(await checkUploads(deps, created(at('01photo.jpg')))).toEqual([{ key: at('01photo.jpg'), outcome: 'taken' }]);
    expect(await bucketKeys(`media/projects/${project}/`)).toEqual(
      ['01photo-w1280.webp', '01photo-w320.webp', '01photo-w640.webp', '01photo.jpg'].map((n) => `media/projects/${project}/${n}`),
    );
    const marker = JSON.parse(await text(`checked/projects/${project}/01photo.jpg.json`));
    expect(marker).toMatchObject({ contentType: 'image/jpeg', variants: [{ width: 320 }, { width: 640 }, { width: 1280 }] });
    expect(marker.size).toBe((await storage.read(`media/projects/${project}/01photo.jpg`))!.length);
    expect(await sharp(await storage.read(`media/projects/${project}/01photo-w640.webp`)).metadata()).toMatchObject({
      format: 'webp',
      width: 640,
    });
    expect(await bucketKeys(at(''))).toEqual([]);
  });

  it('copies a PDF as it was checked, privately under projects/', async () => {
    await storage.put({ key: at('01doc.pdf'), body: PDF, contentType: 'application/pdf' });
    expect(await checkUploads(deps, created(at('01doc.pdf')))).toEqual([{ key: at('01doc.pdf'), outcome: 'taken' }]);
    expect(await text(`projects/${project}/01doc.pdf`)).toBe(new TextDecoder().decode(PDF));
    expect(JSON.parse(await text(`checked/projects/${project}/01doc.pdf.json`))).toMatchObject({ size: PDF.length, variants: [] });
  });

  it('refuses a fake JPEG with a marker naming `file`, serving nothing', async () => {
    await storage.put({ key: at('01fake.jpg'), body: new TextEncoder().encode('<html>not a photo</html>'), contentType: 'image/jpeg' });
    expect(await checkUploads(deps, created(at('01fake.jpg')))).toEqual([{ key: at('01fake.jpg'), outcome: 'refused' }]);
    const marker = JSON.parse(await text(`checked/projects/${project}/01fake.jpg.json`));
    expect(marker.refused).toEqual({
      field: 'file',
      messages: {
        ky: 'Бул сүрөт эмес (ичинде башка формат, мисалы PDF). JPEG, PNG же WebP тандаңыз.',
        ru: 'Это не фото (внутри другой формат, например PDF). Выберите JPEG, PNG или WebP.',
        en: 'This is not a photo (the file inside is another format, such as PDF). Choose a JPEG, PNG or WebP file.',
      },
    });
    expect((await bucketKeys('')).filter((k) => k.includes('01fake') && !k.startsWith('checked/'))).toEqual([]);
  });

  it('does the work once for an event delivered twice, in turn or at once', async () => {
    await storage.put({ key: at('01twice.jpg'), body: await photo(800), contentType: 'image/jpeg' });
    const [first, second] = await Promise.all([
      checkUploads(deps, created(at('01twice.jpg'))),
      checkUploads(deps, created(at('01twice.jpg'))),
    ]);
    expect([first[0]!.outcome, second[0]!.outcome]).toContain('taken');
    const marker = await text(`checked/projects/${project}/01twice.jpg.json`);
    const served = await bucketKeys(`media/projects/${project}/01twice`);
    const original = await storage.read(`media/projects/${project}/01twice.jpg`);
    expect(await checkUploads(deps, created(at('01twice.jpg'), at('01twice.jpg')))).toEqual([
      { key: at('01twice.jpg'), outcome: 'already checked' },
      { key: at('01twice.jpg'), outcome: 'already checked' },
    ]);
    expect([await text(`checked/projects/${project}/01twice.jpg.json`), await bucketKeys(`media/projects/${project}/01twice`)]).toEqual([
      marker,
      served,
    ]);
    expect(Buffer.from((await storage.read(`media/projects/${project}/01twice.jpg`))!).equals(Buffer.from(original!))).toBe(true);
    expect(served).toHaveLength(4); // 800 px wide: copies at 320, 640 and 800
    expect(await bucketKeys(at(''))).toEqual([]);
  });

  it('leaves objects outside incoming/projects/ alone', async () => {
    expect(await checkUploads(deps, created('incoming/other/01x.jpg'))).toEqual([
      { key: 'incoming/other/01x.jpg', outcome: 'not an upload' },
    ]);
  });
});

describe('completing an upload with the image function (IMAGE_PIPELINE=function)', () => {
  let s: AuthStack;
  let officer: string;
  let project: Project;

  beforeAll(async () => {
    s = await authStack({ imagePipeline: 'function' });
    const staff = await signInToken(s.app, await newUserInGroup('staff'));
    officer = (await approvedOfficer(s.app, staff, 'cloud')).token;
    project = (await send(s.app, 'POST', '/projects', { token: officer, body: draftBody() })).body;
  }, 120_000);
  afterAll(() => s.drop());

  /** A ticket and the PUT: the upload now lies under incoming/, as S3 would hold it when the event fires. */
  async function uploaded(bytes: Uint8Array, contentType: string): Promise<string> {
    const t = await send(s.app, 'POST', `/projects/${project.id}/uploads`, { token: officer, body: { contentType, size: bytes.length } });
    expect(t.status, JSON.stringify(t.body)).toBe(201);
    const put = await fetch(t.body.url, { method: 'PUT', headers: t.body.headers, body: new Uint8Array(bytes) });
    expect(put.status).toBe(200);
    return t.body.key as string;
  }
  const complete = (key: string) => send(s.app, 'POST', `/projects/${project.id}/uploads/${key}/complete`, { token: officer, body: {} });

  it("answers 409 (in the caller's language) while the function has not checked it, then attaches what the marker says", async () => {
    const key = await uploaded(await photo(1000), 'image/jpeg');
    const started = Date.now();
    const waiting = await send(s.app, 'POST', `/projects/${project.id}/uploads/${key}/complete`, {
      token: officer,
      body: {},
      headers: { 'accept-language': 'ru' },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(7_000);
    expect(waiting.status).toBe(409);
    expect(JSON.stringify(waiting.body)).toContain('Файл ещё обрабатывается. Попробуйте ещё раз через минуту.');

    expect(await checkUploads(deps, created(`incoming/projects/${project.id}/${key}`))).toEqual([
      { key: `incoming/projects/${project.id}/${key}`, outcome: 'taken' },
    ]);
    const done = await complete(key);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const attached = (done.body as Project).attachments!.find((a) => a.key === key)!;
    expect(attached).toMatchObject({ kind: 'photo', contentType: 'image/jpeg' });
    expect(attached.variants.map((v) => v.width)).toEqual([320, 640, 1000]);
    expect(attached.size).toBe((await storage.read(`media/projects/${project.id}/${key}`))!.length);
    expect(done.body).toMatchObject({ coverPhoto: key });
  }, 30_000);

  it('answers the refusal the function recorded as the same 400 naming `file`, attaching nothing', async () => {
    const key = await uploaded(new TextEncoder().encode('%PDF-1.4 pretending'), 'image/jpeg');
    await checkUploads(deps, created(`incoming/projects/${project.id}/${key}`));
    const refused = await complete(key);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
    expect(JSON.stringify(refused.body)).toContain('"file"');
    const now = (await send(s.app, 'GET', `/projects/${project.id}`, { token: officer })).body as Project;
    expect((now.attachments ?? []).some((a) => a.key === key)).toBe(false);
  });

  it('answers 400 on `key` at once when nothing was uploaded', async () => {
    const started = Date.now();
    const none = await complete('01abcdefghjkmnpqrstvwxyz00.jpg');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain('"key"');
  });
});
