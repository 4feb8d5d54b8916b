import { createHmac, timingSafeEqual } from 'node:crypto';
import { LOCALES, UPLOAD_FORM_PURPOSES, type Locale, type UploadFormPurpose } from '@mekendesh/contracts';
import { invalidIn } from './errors.js';
import { UPLOAD_MESSAGES as M } from './upload-messages.js';

/**
 * Where a no-JavaScript upload form sends the browser back to (issue 14 attacker findings 1 and 2). The store redirects
 * (303) to the address the API signed into the form's policy; that address is only ever the project's own return page,
 * rebuilt here from its parts (never a path echoed back), and it carries a proof (HMAC of project, key, purpose and expiry)
 * that the page hands back when completing: a link made anywhere else (a cross-site top-level GET carries the Lax session
 * cookie) completes nothing.
 */

// The proof key is derived in upload-proof-key.ts, which the API's composition reads at start without this module.
export { uploadProofKey } from './upload-proof-key.js';

/** What a return path may say: the page's language and, optionally, what the upload is for. */
export interface UploadReturn {
  lang: Locale;
  purpose?: UploadFormPurpose;
}

const RETURN_PATH = /^\/([a-z]{2})\/organisation\/projects\/([^/?#\\]+)\/uploaded(?:\?purpose=([a-z]+))?$/;

/**
 * Reads `path` as the return page of project `projectId`: `/<ky|ru|en>/organisation/projects/<id>/uploaded` (the id as
 * encodeURIComponent spells it) with an optional `?purpose=<cover|report|document>`, nothing else.
 * @throws DomainError 400 on `redirectPath` (ky/ru/en) for any other path: another project's, dot segments, `//`, `\`, extra query
 * @example parseReturnPath('/ky/organisation/projects/p1/uploaded?purpose=cover', 'p1') // { lang: 'ky', purpose: 'cover' }
 */
export function parseReturnPath(path: string, projectId: string): UploadReturn {
  const match = RETURN_PATH.exec(path);
  const [, lang, id, purpose] = match ?? [];
  const known = (LOCALES as readonly string[]).includes(lang ?? '') && id === encodeURIComponent(projectId);
  if (!known || (purpose !== undefined && !(UPLOAD_FORM_PURPOSES as readonly string[]).includes(purpose)))
    throw invalidIn('redirectPath', M.notOwnPath);
  return { lang: lang as Locale, ...(purpose ? { purpose: purpose as UploadFormPurpose } : {}) };
}

/** What a proof vouches for: this project's upload `key`, made for `purpose` ('' when none), valid until `expires` (Unix seconds). */
interface ProofSubject {
  projectId: string;
  key: string;
  purpose: string;
  expires: number;
}

const proofOf = (key: Buffer, s: ProofSubject) =>
  createHmac('sha256', key).update(`${s.projectId}\n${s.key}\n${s.purpose}\n${s.expires}`).digest('base64url');

/**
 * The absolute return address signed into a form: `<webOrigin>/<lang>/organisation/projects/<id>/uploaded` with `purpose`
 * (when given), `upload=<key>`, `expires` (Unix seconds) and `proof` (unpadded base64url HMAC-SHA256, 43 characters).
 * @example returnUrl(key, 'https://site', 'p1', { lang: 'en', purpose: 'cover' }, '01j….jpg', 1796040000)
 * // 'https://site/en/organisation/projects/p1/uploaded?purpose=cover&upload=01j….jpg&expires=1796040000&proof=…'
 */
export function returnUrl(proofKey: Buffer, webOrigin: string, projectId: string, to: UploadReturn, key: string, expires: number): string {
  const url = new URL(`/${to.lang}/organisation/projects/${encodeURIComponent(projectId)}/uploaded`, new URL(webOrigin).origin);
  if (to.purpose) url.searchParams.set('purpose', to.purpose);
  url.searchParams.set('upload', key);
  url.searchParams.set('expires', String(expires));
  url.searchParams.set('proof', proofOf(proofKey, { projectId, key, purpose: to.purpose ?? '', expires }));
  return url.href;
}

/**
 * Checks a return page's proof for completing `key` of `projectId` (in constant time), and that it has not expired at
 * `nowSeconds`.
 * @throws DomainError 400 on `proof` (ky/ru/en) when it is missing a part, forged, made for another key, project or
 * purpose, or expired
 */
export function checkReturnProof(
  proofKey: Buffer | undefined,
  given: { projectId: string; key: string; purpose?: string | undefined; expires?: number | undefined; proof?: string | undefined },
  nowSeconds: number,
): void {
  const { expires, proof } = given;
  if (!proofKey || expires === undefined || proof === undefined || expires < nowSeconds) throw invalidIn('proof', M.notFromForm);
  const expected = Buffer.from(proofOf(proofKey, { projectId: given.projectId, key: given.key, purpose: given.purpose ?? '', expires }));
  const sent = Buffer.from(proof);
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) throw invalidIn('proof', M.notFromForm);
}
