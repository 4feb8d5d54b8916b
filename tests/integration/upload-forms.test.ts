import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { Project, UploadForm } from '@mekendesh/contracts';
import { authStack, newUserInGroup, signInToken, type AuthStack } from '../fixtures/auth-stack.js';
import { approvedOfficer, draftBody, fieldsOf, send } from '../fixtures/proposals.js';

/**
 * Issue 14: no-JavaScript uploads go straight to the object store with a presigned POST (nothing of the file passes
 * through a function), then the page the store redirects to completes them; documents are reached by a short-lived
 * download URL. s3rver does not verify policies, so the policy is decoded and its conditions pinned here.
 */

let s: AuthStack;
let officer: string;
let other: string;
let project: Project;
const WEB = 'http://localhost:5173'; // the composition's default web origin
const PATH = (id: string) => `/ky/organisation/projects/${id}/uploaded?purpose=cover`;

beforeAll(async () => {
  s = await authStack();
  const staff = await signInToken(s.app, await newUserInGroup('staff'));
  const [x, y] = await Promise.all([approvedOfficer(s.app, staff, 'formphotos'), approvedOfficer(s.app, staff, 'formnosy')]);
  officer = x.token;
  other = y.token;
  project = (await send(s.app, 'POST', '/projects', { token: officer, body: draftBody() })).body;
}, 120_000);
afterAll(() => s.drop());

/** `token` '' asks anonymously. */
const askForm = (body: unknown, token = officer, id = project.id) => send(s.app, 'POST', `/projects/${id}/uploads/form`, { token, body });

type Condition = Record<string, string> | [string, string, string | number] | [string, number, number];
const policyOf = (form: UploadForm): { expiration: string; conditions: Condition[] } =>
  JSON.parse(Buffer.from(form.fields.Policy!, 'base64').toString('utf8'));

/** The browser's multipart POST of the form: every field, then the file named `file`, last (S3 ignores what follows it). */
async function postForm(form: UploadForm, body: Uint8Array<ArrayBuffer>, type: string, fields: Record<string, string> = form.fields) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  data.append('file', new Blob([body], { type }), 'from-the-phone');
  return fetch(form.url, { method: 'POST', body: data, redirect: 'manual' });
}

describe('presigned POST forms', () => {
  it('authenticates before it validates, and keeps other organisations and strangers out', async () => {
    const bad = { kind: 'video', redirectPath: 'https://evil.example/' };
    const anonymous = await askForm(bad, '');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    expect((await askForm({ kind: 'photo', redirectPath: PATH(project.id) }, other)).status).toBe(404);
    const investor = await signInToken(s.app, await newUserInGroup('investor', 'formstranger'));
    expect((await askForm({ kind: 'photo', redirectPath: PATH(project.id) }, investor)).status).toBe(404);
  });

  // Issue 14 attacker 1: `/.well-known/../..//evil` was taken and became `http://localhost:5173//evil?…`.
  it.each([
    ['https://evil.example/x', () => 'https://evil.example/x'],
    ['//evil', () => '//evil'],
    ['/\\evil', () => '/\\evil'],
    ['dot segments', () => '/.well-known/../..//evil'],
    ['relative/path', () => 'relative/path'],
    ['/ok path', () => '/ok path'],
    ["another project's page", () => `/ky/organisation/projects/prj-002/uploaded?purpose=cover`],
    ['an unknown purpose', () => `/ky/organisation/projects/${project.id}/uploaded?purpose=avatar`],
    ['another page of the project', () => `/ky/organisation/projects/${project.id}?purpose=cover`],
    ['a language the site has not', () => `/de/organisation/projects/${project.id}/uploaded?purpose=cover`],
  ])("refuses %s as the redirect (only the project's own return page), naming the field in ky/ru/en", async (_, path) => {
    const messages = new Set<string>();
    for (const lang of ['ky', 'ru', 'en'] as const) {
      const res = await send(s.app, 'POST', `/projects/${project.id}/uploads/form`, {
        token: officer,
        body: { kind: 'photo', redirectPath: path() },
        headers: { 'accept-language': lang },
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(fieldsOf(res.body)).toEqual(['redirectPath']);
      expect(JSON.stringify(res.body)).not.toContain('http://');
      messages.add((res.body as { errors: { message: string }[] }).errors[0]!.message);
    }
    expect(messages.size).toBe(3);
  });

  it('makes upload keys from a random ULID: two made in one millisecond differ in more than their last character', () => {
    const newId = s.deps.projectDeps.uploadKeys!.newId;
    let pair: [string, string] = [newId(), newId()];
    while (pair[0].slice(0, 10) !== pair[1].slice(0, 10)) pair = [newId(), newId()];
    expect(pair[0].slice(10, 25)).not.toBe(pair[1].slice(10, 25));
  });

  it('signs a photo policy: the exact key, image types, 1 byte..5 MB, the redirect with the key, 15 minutes', async () => {
    const before = Date.now();
    const res = await askForm({ kind: 'photo', redirectPath: PATH(project.id) });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const form = res.body as UploadForm;
    expect(form.key).toMatch(/^[0-9a-z]{26}\.jpg$/);
    expect(form.maxSize).toBe(5 * 1024 * 1024);
    // Rebuilt from its parts, with the key and a proof of project, key, purpose and expiry (30 minutes) for the page to hand back.
    const returnBy = Math.floor(before / 1000) + 30 * 60;
    const expectedProof = (at: number) =>
      createHmac('sha256', s.deps.projectDeps.uploadKeys!.proofKey).update(`${project.id}\n${form.key}\ncover\n${at}`).digest('base64url');
    const at = [returnBy, returnBy + 1, returnBy + 2].find((e) => form.fields.success_action_redirect!.includes(`expires=${e}&`))!;
    const redirect = `${WEB}${PATH(project.id)}&upload=${form.key}&expires=${at}&proof=${expectedProof(at)}`;
    expect(form.fields).toMatchObject({
      key: `incoming/projects/${project.id}/${form.key}`,
      'Content-Type': 'image/*',
      success_action_redirect: redirect,
    });
    const policy = policyOf(form);
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 5 * 1024 * 1024],
        ['starts-with', '$Content-Type', 'image/'],
        ['eq', '$success_action_redirect', redirect],
        { key: `incoming/projects/${project.id}/${form.key}` },
        { bucket: expect.any(String) },
      ]),
    );
    const expires = Date.parse(policy.expiration) - before;
    expect(expires).toBeGreaterThan(14 * 60_000);
    expect(expires).toBeLessThanOrEqual(15 * 60_000 + 5_000);
    expect(Date.parse(form.expiresAt) - before).toBeGreaterThan(14 * 60_000);
  });

  it('takes a PNG posted through the photo form as a PNG (its bytes decide), under media/ and as the cover', async () => {
    const form = (await askForm({ kind: 'photo', redirectPath: PATH(project.id) })).body as UploadForm;
    const png = new Uint8Array(
      await sharp({ create: { width: 900, height: 600, channels: 3, background: '#a53' } })
        .png()
        .toBuffer(),
    );
    const posted = await postForm(form, png, 'image/png');
    expect(posted.status).toBe(303);
    const location = new URL(posted.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(`${WEB}/ky/organisation/projects/${project.id}/uploaded`);
    expect(location.searchParams.get('upload')).toBe(form.key);
    expect(location.searchParams.get('purpose')).toBe('cover');
    // What the return page hands back: the proof signed into the address the store redirected to.
    const signed = { purpose: 'cover', expires: Number(location.searchParams.get('expires')), proof: location.searchParams.get('proof') };
    const done = await send(s.app, 'POST', `/projects/${project.id}/uploads/${form.key}/complete`, {
      token: officer,
      body: { cover: true, ...signed },
    });
    expect(done.status).toBe(200);
    const stem = form.key.split('.')[0]!;
    const attached = (done.body as Project).attachments!.find((a) => a.key.startsWith(stem))!;
    expect(attached).toMatchObject({ key: `${stem}.png`, kind: 'photo', contentType: 'image/png' });
    // Copies at 320 and 640 and one at its own width (900, under 1280).
    expect(attached.variants.map((v) => v.key)).toEqual([`${stem}-w320.webp`, `${stem}-w640.webp`, `${stem}-w900.webp`]);
    expect((done.body as Project).coverPhoto).toBe(`${stem}.png`);
    // Completing again (a reload of the page the store redirected to) changes nothing.
    const again = await send(s.app, 'POST', `/projects/${project.id}/uploads/${form.key}/complete`, { token: officer, body: {} });
    expect(again.status).toBe(200);
    expect((again.body as Project).attachments!.filter((a) => a.key.startsWith(stem))).toHaveLength(1);
    const served = await s.deps.projectDeps.storage!.head(`media/projects/${project.id}/${stem}.png`);
    expect(served?.contentType).toBe('image/png');
    expect(await s.deps.projectDeps.storage!.head(`incoming/projects/${project.id}/${form.key}`)).toBeUndefined();
  });

  // Issue 14 attacker 2: the return page is reachable by a cross-site top-level GET with the Lax session cookie.
  it("completes a form's upload only with the proof signed into its return address", async () => {
    const form = (await askForm({ kind: 'photo', redirectPath: PATH(project.id) })).body as UploadForm;
    const png = new Uint8Array(
      await sharp({ create: { width: 64, height: 64, channels: 3, background: '#123' } })
        .png()
        .toBuffer(),
    );
    const location = new URL((await postForm(form, png, 'image/png')).headers.get('location')!);
    const signed = { purpose: 'cover', expires: Number(location.searchParams.get('expires')), proof: location.searchParams.get('proof')! };
    const before = (await send(s.app, 'GET', `/projects/${project.id}`, { token: officer })).body as Project;
    const forged = `${signed.proof.slice(0, -2)}${signed.proof.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const body of [
      { ...signed, proof: forged },
      { ...signed, purpose: 'report' },
      { ...signed, expires: signed.expires + 60 },
      { purpose: 'cover', proof: signed.proof },
      { ...signed, expires: Math.floor(Date.now() / 1000) - 1 },
    ]) {
      const refused = await send(s.app, 'POST', `/projects/${project.id}/uploads/${form.key}/complete`, { token: officer, body });
      expect(refused.status).toBe(400);
      expect(fieldsOf(refused.body)).toEqual(['proof']);
    }
    const unchanged = (await send(s.app, 'GET', `/projects/${project.id}`, { token: officer })).body as Project;
    expect(unchanged.attachments).toEqual(before.attachments);
    expect(unchanged.version).toBe(before.version);
    const done = await send(s.app, 'POST', `/projects/${project.id}/uploads/${form.key}/complete`, { token: officer, body: signed });
    expect(done.status).toBe(200);
    expect((done.body as Project).attachments!.some((a) => a.key.startsWith(form.key.split('.')[0]!))).toBe(true);
  });

  it('refuses what the photo form brought that is no photo, and keeps nothing of it', async () => {
    const form = (await askForm({ kind: 'photo', redirectPath: PATH(project.id) })).body as UploadForm;
    expect((await postForm(form, new TextEncoder().encode('%PDF-1.4 not a photo'), 'application/pdf')).status).toBe(303);
    const done = await send(s.app, 'POST', `/projects/${project.id}/uploads/${form.key}/complete`, { token: officer, body: {} });
    expect(done.status).toBe(400);
    expect(fieldsOf(done.body)).toEqual(['file']);
    expect(await s.deps.projectDeps.storage!.head(`incoming/projects/${project.id}/${form.key}`)).toBeUndefined();
  });

  it('signs a document policy for PDF exactly, and serves the document as a short-lived download, never to strangers', async () => {
    const res = await askForm({ kind: 'document', redirectPath: `/en/organisation/projects/${project.id}/uploaded?purpose=document` });
    expect(res.status).toBe(201);
    const form = res.body as UploadForm;
    expect(form.key).toMatch(/\.pdf$/);
    expect(policyOf(form).conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', 1, 10 * 1024 * 1024],
        ['eq', '$Content-Type', 'application/pdf'],
      ]),
    );
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    expect((await postForm(form, pdf, 'application/pdf')).status).toBe(303);
    const done = await send(s.app, 'POST', `/projects/${project.id}/uploads/${form.key}/complete`, { token: officer, body: {} });
    expect(done.status).toBe(200);
    expect(await s.deps.projectDeps.storage!.head(`projects/${project.id}/${form.key}`)).toMatchObject({ contentType: 'application/pdf' });

    const redirect = await s.app.request(`/v1/projects/${project.id}/media/${form.key}`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('cache-control')).toBe('private, no-store');
    const location = new URL(redirect.headers.get('location')!);
    expect(location.searchParams.get('response-content-disposition')).toBe(`attachment; filename="${form.key}"`);
    expect(Number(location.searchParams.get('X-Amz-Expires'))).toBe(3600);
    const file = await fetch(location);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${form.key}"`);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);
    // A draft's files (and their keys) are its owners' and staff's only.
    expect((await s.app.request(`/v1/projects/${project.id}/media/${form.key}`)).status).toBe(404);
    expect((await send(s.app, 'GET', `/projects/${project.id}`, { token: other })).status).toBe(404);
    expect((await send(s.app, 'GET', `/projects/${project.id}`)).status).toBe(404);
  });
});
