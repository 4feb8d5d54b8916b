import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { checkReturnProof, parseReturnPath, returnUrl, uploadProofKey } from './upload-return.js';

const key = uploadProofKey('cursor-secret');
const ID = '01jprojectaaaaaaaaaaaaaaaa';
const FILE = '01jfileaaaaaaaaaaaaaaaaaaa.jpg';
const NOW = 1_796_040_000;

/** The field a DomainError names, or 'none' when `run` does not throw. */
function refusedField(run: () => unknown): string {
  try {
    run();
    return 'none';
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    expect(e.kind).toBe('validation');
    expect(e.errors[0]?.messages).toMatchObject({ ky: expect.any(String), ru: expect.any(String), en: expect.any(String) });
    return e.errors.map((f) => f.field).join(',');
  }
}

describe('a form return path (issue 14 attacker 1)', () => {
  it.each([
    '/.well-known/../..//evil',
    '//evil',
    '/\\evil',
    `/ky/organisation/projects/${ID}/../../../..//evil/uploaded`,
    `/ky/organisation/projects/01jotherprojectaaaaaaaaaaa/uploaded?purpose=cover`,
    `/ky/organisation/projects/${ID}/uploaded?purpose=avatar`,
    `/ky/organisation/projects/${ID}/uploaded?purpose=cover&next=//evil`,
    `/de/organisation/projects/${ID}/uploaded`,
    `/ky/organisation/projects/${ID}/uploaded#x`,
    `https://evil.example/ky/organisation/projects/${ID}/uploaded`,
  ])('refuses %s, naming redirectPath', (path) => {
    expect(refusedField(() => parseReturnPath(path, ID))).toBe('redirectPath');
  });

  it("takes the project's own return page in each language, with or without a known purpose", () => {
    expect(parseReturnPath(`/ru/organisation/projects/${ID}/uploaded?purpose=report`, ID)).toEqual({ lang: 'ru', purpose: 'report' });
    expect(parseReturnPath(`/en/organisation/projects/${ID}/uploaded`, ID)).toEqual({ lang: 'en' });
    expect(parseReturnPath('/ky/organisation/projects/prj-002/uploaded?purpose=document', 'prj-002')).toEqual({
      lang: 'ky',
      purpose: 'document',
    });
  });
});

describe('the return proof (issue 14 attacker 2)', () => {
  const url = new URL(returnUrl(key, 'http://localhost:5173/ignored', ID, { lang: 'ky', purpose: 'cover' }, FILE, NOW + 60));
  const proof = url.searchParams.get('proof')!;
  const given = { projectId: ID, key: FILE, purpose: 'cover', expires: NOW + 60, proof };

  it('is rebuilt on the web origin from its parts, with the key, expiry and an HMAC of all four', () => {
    const expected = createHmac('sha256', key)
      .update(`${ID}\n${FILE}\ncover\n${NOW + 60}`)
      .digest('base64url');
    expect(url.href).toBe(
      `http://localhost:5173/ky/organisation/projects/${ID}/uploaded?purpose=cover&upload=${FILE}&expires=${NOW + 60}&proof=${expected}`,
    );
  });

  it('completes with the proof it signed until it expires', () => {
    expect(refusedField(() => checkReturnProof(key, given, NOW))).toBe('none');
    expect(refusedField(() => checkReturnProof(key, given, NOW + 60))).toBe('none');
  });

  it('refuses a missing, expired, forged or re-aimed proof, naming proof', () => {
    const cases = [
      checkReturnProof.bind(null, key, { ...given, proof: undefined }, NOW),
      checkReturnProof.bind(null, key, { ...given, expires: undefined }, NOW),
      checkReturnProof.bind(null, key, given, NOW + 61),
      checkReturnProof.bind(null, key, { ...given, expires: NOW + 6000 }, NOW),
      checkReturnProof.bind(null, key, { ...given, purpose: 'report' }, NOW),
      checkReturnProof.bind(null, key, { ...given, key: '01jfilebbbbbbbbbbbbbbbbbbb.jpg' }, NOW),
      checkReturnProof.bind(null, key, { ...given, projectId: 'prj-002' }, NOW),
      checkReturnProof.bind(
        null,
        key,
        { ...given, proof: `${proof.slice(0, -1)}A` === proof ? `${proof.slice(0, -1)}B` : `${proof.slice(0, -1)}A` },
        NOW,
      ),
      checkReturnProof.bind(null, uploadProofKey('another-secret'), given, NOW),
      checkReturnProof.bind(null, undefined, given, NOW),
    ];
    expect(cases.map((run) => refusedField(run))).toEqual(cases.map(() => 'proof'));
  });
});
