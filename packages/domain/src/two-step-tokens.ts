import type { SignInResult } from '@mekendesh/contracts';
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The API's own proofs for staff two-step sign-in (issue 14 review): a signed challenge token that binds Cognito's
 * challenge session to the email whose password was right, the authenticator secret sealed at rest, and the RFC 6238
 * check of a current code against it. Keys come from the deployment's CURSOR_SECRET under their own labels, as the
 * unsubscribe key does, so no cursor signature or unsubscribe token ever passes for one of these.
 */

/** The label the two-step key is derived under (HMAC-SHA256(secret, label)). */
const KEY_LABEL = 'mekendesh two-step sign-in v1';

/**
 * The key two-step challenge tokens are signed and authenticator secrets sealed with (32 bytes), from CURSOR_SECRET.
 * @example const key = twoStepKey(db.cursorSecret)
 */
export function twoStepKey(secret: string): Buffer {
  return createHmac('sha256', secret).update(KEY_LABEL).digest();
}

const subKey = (key: Buffer, use: 'challenge' | 'seal') => createHmac('sha256', key).update(use).digest();

/** How long a challenge token is accepted: Cognito's own challenge session lasts 3 minutes by default; we allow 5. */
const CHALLENGE_SECONDS = 300;

/** What a valid challenge token says: Cognito's session, the email it was issued for, and until when (epoch ms). */
export interface TwoStepChallenge {
  session: string;
  email: string;
  expiresAt: number;
  /** A short digest of the token: the key its wrong codes are counted under. */
  id: string;
}

const b64 = (b: Buffer) => b.toString('base64url');

/**
 * Signs `{session, email, expiresAt}` into an opaque token `<payload>.<hmac>` (base64url) for the client to hand back
 * with the code; the email is taken from the token, never from the answer, so a session cannot be spent on another account.
 * @example signChallenge(key, { session: 'AYAB…', email: 'staff@demo.kg', expiresAt: Date.now() + 300_000 }) // 'eyJ…. x7Q…'
 */
export function signChallenge(key: Buffer, claim: { session: string; email: string; expiresAt: number }): string {
  const payload = b64(Buffer.from(JSON.stringify({ s: claim.session, e: claim.email, x: claim.expiresAt })));
  return `${payload}.${b64(createHmac('sha256', subKey(key, 'challenge')).update(payload).digest())}`;
}

/**
 * signIn's TOTP challenge as the client sees it: Cognito's session inside a token signed by the API and bound to the
 * (normalised) email whose password was right, valid CHALLENGE_SECONDS from `now` (epoch ms). Issue 14 review:
 * cognito-local, and perhaps Cognito, let a session be answered for another USERNAME.
 */
export function boundChallenge(key: Buffer, now: number, email: string, session: string): SignInResult {
  return { challenge: 'totp', session: signChallenge(key, { session, email, expiresAt: now + CHALLENGE_SECONDS * 1000 }) };
}

/** The claim of a challenge token signed by `key` and not expired at `now` (epoch ms), else undefined. */
export function openChallenge(key: Buffer, token: string, now: number): TwoStepChallenge | undefined {
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined) return undefined;
  const expected = createHmac('sha256', subKey(key, 'challenge')).update(payload).digest();
  const given = Buffer.from(sig, 'base64url');
  // Node's decoder ignores stray characters: compare the exact spelling as well as the bytes.
  if (given.length !== expected.length || !timingSafeEqual(given, expected) || b64(given) !== sig) return undefined;
  let claim: { s?: unknown; e?: unknown; x?: unknown };
  try {
    claim = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claim;
  } catch {
    return undefined;
  }
  if (typeof claim.s !== 'string' || typeof claim.e !== 'string' || typeof claim.x !== 'number' || claim.x <= now) return undefined;
  return { session: claim.s, email: claim.e, expiresAt: claim.x, id: b64(createHash('sha256').update(sig).digest()).slice(0, 22) };
}

/** Seals an authenticator secret (base32) with AES-256-GCM: `<iv>.<ciphertext>.<tag>` in base64url. */
export function sealSecret(key: Buffer, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', subKey(key, 'seal'), iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [iv, body, cipher.getAuthTag()].map(b64).join('.');
}

/** The secret sealSecret sealed with the same key; undefined when it was sealed with another key or altered. */
export function openSealed(key: Buffer, sealed: string): string | undefined {
  const [iv, body, tag] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !body || !tag) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', subKey(key, 'seal'), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Bytes(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text.replace(/=+$/, '').toUpperCase()) {
    const index = BASE32.indexOf(ch);
    if (index < 0) throw new Error('not base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The 6-digit code of a base32 secret at 30-second step `step` (RFC 6238 over RFC 4226 HOTP, SHA-1: Cognito's parameters). */
export function totpAt(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Bytes(secret)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/**
 * Whether `code` is the secret's code now (epoch ms), or one step (30 s) either side, as Cognito accepts for clock drift.
 * @example totpMatches('JBSWY3DPEHPK3PXP', totpAt('JBSWY3DPEHPK3PXP', 1), 30_000) // true
 */
export function totpMatches(secret: string, code: string, now: number): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const step = Math.floor(now / 30_000);
  let match = false;
  // Every step compared, so the time taken does not say which one matched.
  for (const s of [step - 1, step, step + 1]) match = timingSafeEqual(Buffer.from(totpAt(secret, s)), Buffer.from(code)) || match;
  return match;
}
