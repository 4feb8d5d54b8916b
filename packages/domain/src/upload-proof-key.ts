import { createHmac } from 'node:crypto';

/** The label the proof key is derived under, so it differs from the cursor and unsubscribe keys made from the same secret. */
const KEY_LABEL = 'mekendesh upload form return v1';

/**
 * The key return proofs are signed with: HMAC-SHA256(secret, label), from the deployment's CURSOR_SECRET (or the
 * per-process one locally), as unsubscribeKey does.
 * @example const key = uploadProofKey(db.cursorSecret) // 32 bytes
 */
export function uploadProofKey(secret: string): Buffer {
  return createHmac('sha256', secret).update(KEY_LABEL).digest();
}
