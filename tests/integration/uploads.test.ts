import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const complete = (key: string, body: unknown = {}, token = officer) => send(s.app, 'POST', `/projects/${project.id}/uploads/${key}/complete`, { token, body });

describe('uploads', () => {
  it('takes a photo through a presigned PUT, checks it, makes phone-sized copies and sets it as the cover', async () => {
    const jpeg = await photo(1600);
    const t = await ticket('image/jpeg', jpeg.length);
    expect(t.status).toBe(201);
    expect(t.body).toMatchObject({ method: 'PUT', headers: { 'content-type': 'image/jpeg' }, maxSize: 5 * 1024 * 1024, key: expect.stringMatching(/\.jpg$/) });
    expect((await putFile(t.body, jpeg)).status).toBe(200);

    const done = await complete(t.body.key, { fileName: 'mektep.jpg' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const attached = (done.body as Project).attachments!.find((a) => a.key === t.body.key)!;
    expect(attached).toMatchObject({ kind: 'photo', contentType: 'image/jpeg', size: jpeg.length, fileName: 'mektep.jpg' });
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

  it('attaches a PDF as a document', async () => {
    const pdf = new Uint8Array(new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'));
    const t = await ticket('application/pdf', pdf.length);
    await putFile(t.body, pdf);
    const done = await complete(t.body.key);
    expect((done.body as Project).attachments!.find((a) => a.key === t.body.key)).toMatchObject({ kind: 'document', variants: [] });
  });

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
  });

  it('refuses content that is not what its name says (magic bytes), and a type sent other than signed', async () => {
    const html = new Uint8Array(new TextEncoder().encode('<html><script>alert(1)</script></html>'));
    const t = await ticket('image/png', html.length);
    await putFile(t.body, html);
    const res = await complete(t.body.key);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['file']);

    const png = await photo(100, 'png');
    const t2 = await ticket('image/png', png.length);
    await putFile(t2.body, png, 'text/html');
    expect(fieldsOf((await complete(t2.body.key)).body)).toEqual(['contentType']);
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
