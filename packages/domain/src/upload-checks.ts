import { UPLOAD_EXTENSIONS, type Locale } from '@mekendesh/contracts';
import { conflictIn, DomainError, invalidIn } from './errors.js';
import { isImageType, takeUpload, type TakenUpload, type UploadToTake } from './image-intake.js';
import type { ImageProcessor, ObjectStorage } from './project-ports.js';
import { UPLOAD_MESSAGES as M } from './upload-messages.js';
import { checkedKey, type CheckedMarker } from './image-marker.js';

/**
 * In the cloud, uploads are checked by the image function (functions/images, triggered by S3 when an upload lands
 * under `incoming/`), not by the API, which carries no image library. The function runs the same {@link takeUpload}
 * and leaves its outcome in a small JSON marker beside the served files; completing the upload reads that marker.
 */

// The marker's shape, where it lives and how long completing waits for it are in image-marker.ts, which the API's
// composition reads at start without loading the checks themselves.
export { CHECK_POLL_MS, checkedKey, type CheckedMarker } from './image-marker.js';

/** What the function did with one upload event: checked it now, found it checked before, or found nothing to check. */
export type UploadCheckOutcome = 'taken' | 'refused' | 'already checked' | 'nothing uploaded';

/**
 * The image function's work on one upload (idempotent: S3 may deliver an event twice, even at once). A marker
 * already there means the upload was checked: what lies at its key now is a later PUT with the same URL, never
 * served, so it is deleted. Otherwise {@link takeUpload} checks it and writes the served files; the marker is
 * written, and only then is the upload deleted, so "upload there, no marker" always means "not checked yet".
 * Two deliveries at once both check the same bytes and write the same objects.
 * @throws what takeUpload throws other than a 400 (a 409 with no image library, storage errors): the function fails
 *   and Lambda retries, then dead-letters, the event.
 */
export async function recordUploadCheck(
  deps: { storage: ObjectStorage; images?: ImageProcessor | undefined },
  upload: UploadToTake,
): Promise<UploadCheckOutcome> {
  const { storage } = deps;
  const markerKey = checkedKey(upload.uploadedKey);
  if (await storage.head(markerKey)) {
    await storage.delete(upload.uploadedKey);
    return 'already checked';
  }
  let marker: CheckedMarker;
  try {
    const taken = await takeUpload(deps, { ...upload, leaveUpload: true });
    marker = { size: taken.size, variants: taken.variants, contentType: taken.type };
  } catch (e) {
    const refused = refusalOf(e);
    if (!refused) throw e;
    // Nothing at the key: a second delivery of an upload the first one has already checked (and deleted).
    if (refused.field === 'key') return 'nothing uploaded';
    marker = { refused };
  }
  await storage.put({ key: markerKey, body: new TextEncoder().encode(JSON.stringify(marker)), contentType: 'application/json' });
  await storage.delete(upload.uploadedKey);
  return 'refused' in marker ? 'refused' : 'taken';
}

/** The field and ky/ru/en message of a 400 the upload checks raise; undefined for anything else. */
function refusalOf(e: unknown): { field: string; messages: Readonly<Record<Locale, string>> } | undefined {
  if (!(e instanceof DomainError) || e.kind !== 'validation') return undefined;
  const [first] = e.errors;
  if (!first?.messages) return undefined;
  return { field: first.field, messages: first.messages };
}

async function readMarker(storage: ObjectStorage, key: string): Promise<CheckedMarker | undefined> {
  const bytes = await storage.read(key);
  return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as CheckedMarker) : undefined;
}

function takenFrom(marker: CheckedMarker, upload: UploadToTake): TakenUpload {
  if ('refused' in marker) throw invalidIn(marker.refused.field, marker.refused.messages);
  // The function named the type by the key's extension, as completing does (a form's photo: by its bytes, within the
  // image types): any other mismatch would be a bug, never served.
  const formPhoto = isImageType(upload.type) && isImageType(marker.contentType);
  if (marker.contentType !== upload.type && !formPhoto) throw invalidIn('file', M.wrongContent(upload.type, marker.contentType));
  const name = `${upload.name.split('.')[0]}.${UPLOAD_EXTENSIONS[marker.contentType]}`;
  const servedKeys = [upload.servedKey(name), ...marker.variants.map((v) => upload.servedKey(v.key))];
  return { type: marker.contentType, name, size: marker.size, variants: marker.variants, servedKeys };
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Completing an upload in the cloud: the outcome of the image function's {@link recordUploadCheck}, looked at now and
 * again after each of `pollMs`. The upload gone and no marker means nothing was uploaded (the marker is written
 * before the upload is deleted; it is looked at once more in case both happened between two looks).
 * @throws DomainError 400 as the function refused (the field it named, ky/ru/en), 400 on `key` when nothing was
 *   uploaded, 409 (ky/ru/en "still being processed") when the upload is there but not checked after the wait.
 */
export async function awaitUploadCheck(storage: ObjectStorage, upload: UploadToTake, pollMs: readonly number[]): Promise<TakenUpload> {
  const markerKey = checkedKey(upload.uploadedKey);
  for (const ms of [0, ...pollMs]) {
    if (ms > 0) await pause(ms);
    const marker = await readMarker(storage, markerKey);
    if (marker) return takenFrom(marker, upload);
    if (!(await storage.head(upload.uploadedKey))) {
      const late = await readMarker(storage, markerKey);
      if (late) return takenFrom(late, upload);
      throw invalidIn('key', M.nothingUploaded);
    }
  }
  throw conflictIn(M.stillProcessing);
}
