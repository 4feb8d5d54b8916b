import type { Attachment, Locale, UploadContentType } from '@mekendesh/contracts';

/** What the image function leaves for one upload: the served file's size, its WebP copies and type; or why it was refused. */
export type CheckedMarker =
  | { size: number; variants: Attachment['variants']; contentType: UploadContentType }
  | { refused: { field: string; messages: Readonly<Record<Locale, string>> } };

/**
 * How long completing waits for the function's marker, in pauses before each new look (7.75 s in all, under the
 * 8 s the API may spend; a photo of 40 megapixels takes the function a few seconds, a cold start about one more).
 */
export const CHECK_POLL_MS: readonly number[] = [250, 500, 1000, 1500, 2000, 2500];

/**
 * Where the marker of an upload lives: its key with `incoming/` turned into `checked/` and `.json` added.
 * @example checkedKey('incoming/projects/p1/01j.jpg') // 'checked/projects/p1/01j.jpg.json'
 */
export const checkedKey = (uploadedKey: string) => `checked/${uploadedKey.replace(/^incoming\//, '')}.json`;
